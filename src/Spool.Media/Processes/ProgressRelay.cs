namespace Spool.Media.Processes;

/// <summary>
/// Passes ffmpeg's progress on synchronously, on the reading thread. Not Progress&lt;T&gt;: that posts to the thread
/// pool, so reports could arrive after the run has ended.
/// </summary>
public sealed class ProgressRelay(Action<FfmpegProgress> report) : IProgress<FfmpegProgress>
{
    public void Report(FfmpegProgress value) => report(value);
}
