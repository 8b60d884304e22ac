using Spool.Media.Processes;

namespace Spool.Core.Steps.Subtitles;

/// <summary>Passes ffmpeg's progress on synchronously (Progress&lt;T&gt; posts to the pool: reports could come after the end).</summary>
internal sealed class FfmpegProgressRelay(Action<FfmpegProgress> report) : IProgress<FfmpegProgress>
{
    public void Report(FfmpegProgress value) => report(value);
}
