namespace Spool.Media.Errors;

/// <summary>The error categories of DESIGN.md, in its order; their wire names are snake_case.</summary>
public enum ErrorCategory
{
    InputMissing,
    InputCorrupt,

    /// <summary>A FIFO, device or socket: refused from its file type, never opened.</summary>
    NotAFile,
    NoVideoStream,
    NotAVideo,
    Unsupported,
    EncoderUnavailable,
    DiskFull,
    PermissionDenied,

    /// <summary>An output path that cannot be made or written: a file in the way, a folder removed, a read-only disk.</summary>
    OutputUnwritable,
    Timeout,
    Stalled,
    Cancelled,
    QcFailed,

    /// <summary>The job's worker died while running it, time after time: the job is quarantined.</summary>
    WorkerCrashed,
    FfmpegFailed,
    Internal,
}
