namespace Spool.Media.Errors;

/// <summary>The error categories of DESIGN.md; their wire names are snake_case.</summary>
public enum ErrorCategory
{
    InputMissing,
    InputCorrupt,
    NoVideoStream,
    NotAVideo,
    Unsupported,
    EncoderUnavailable,
    DiskFull,
    PermissionDenied,
    Timeout,
    Stalled,
    Cancelled,
    QcFailed,
    FfmpegFailed,
    Internal,
}
