using Spool.Media.Processes;

namespace Spool.Media.Errors;

/// <summary>Maps a failed ffmpeg/ffprobe run to one of DESIGN.md's error categories, by rules over its stderr.</summary>
public static class ErrorClassifier
{
    public static MediaError Classify(ProcessResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.End switch
        {
            ProcessEnd.TimedOut => MediaError.Of(ErrorCategory.Timeout, "ffmpeg ran past its time limit."),
            ProcessEnd.Stalled => MediaError.Of(ErrorCategory.Stalled, "ffmpeg made no progress."),
            ProcessEnd.Cancelled => MediaError.Of(ErrorCategory.Cancelled, "The job was cancelled."),
            _ => MediaError.Of(ErrorCategory.FfmpegFailed, $"ffmpeg exited with code {result.ExitCode}."),
        };
    }
}
