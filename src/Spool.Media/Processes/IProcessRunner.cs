namespace Spool.Media.Processes;

/// <summary>The one way Spool runs ffmpeg and ffprobe. Tests swap this edge.</summary>
public interface IProcessRunner
{
    Task<ProcessResult> RunAsync(ProcessRequest request, IProgress<FfmpegProgress>? progress, CancellationToken cancellationToken);
}
