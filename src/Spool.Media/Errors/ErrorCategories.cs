namespace Spool.Media.Errors;

public static class ErrorCategories
{
    public static string ToWireName(this ErrorCategory category) => category switch
    {
        ErrorCategory.InputMissing => "input_missing",
        ErrorCategory.InputCorrupt => "input_corrupt",
        ErrorCategory.NoVideoStream => "no_video_stream",
        ErrorCategory.NotAVideo => "not_a_video",
        ErrorCategory.Unsupported => "unsupported",
        ErrorCategory.EncoderUnavailable => "encoder_unavailable",
        ErrorCategory.DiskFull => "disk_full",
        ErrorCategory.PermissionDenied => "permission_denied",
        ErrorCategory.Timeout => "timeout",
        ErrorCategory.Stalled => "stalled",
        ErrorCategory.Cancelled => "cancelled",
        ErrorCategory.QcFailed => "qc_failed",
        ErrorCategory.FfmpegFailed => "ffmpeg_failed",
        ErrorCategory.Internal => "internal",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>The inverse of <see cref="ToWireName"/>, for values read back from a store or a report.</summary>
    public static ErrorCategory FromWireName(string name) => name switch
    {
        "input_missing" => ErrorCategory.InputMissing,
        "input_corrupt" => ErrorCategory.InputCorrupt,
        "no_video_stream" => ErrorCategory.NoVideoStream,
        "not_a_video" => ErrorCategory.NotAVideo,
        "unsupported" => ErrorCategory.Unsupported,
        "encoder_unavailable" => ErrorCategory.EncoderUnavailable,
        "disk_full" => ErrorCategory.DiskFull,
        "permission_denied" => ErrorCategory.PermissionDenied,
        "timeout" => ErrorCategory.Timeout,
        "stalled" => ErrorCategory.Stalled,
        "cancelled" => ErrorCategory.Cancelled,
        "qc_failed" => ErrorCategory.QcFailed,
        "ffmpeg_failed" => ErrorCategory.FfmpegFailed,
        "internal" => ErrorCategory.Internal,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown error category."),
    };

    /// <summary>Transient failures may succeed when run again; permanent ones never will.</summary>
    public static bool IsTransient(this ErrorCategory category) => category is
        ErrorCategory.DiskFull or ErrorCategory.Timeout or ErrorCategory.Stalled or ErrorCategory.FfmpegFailed;

    public static string DefaultHint(this ErrorCategory category) => category switch
    {
        ErrorCategory.InputMissing => "Check the path: the file does not exist or was moved while the batch ran.",
        ErrorCategory.InputCorrupt => "The file is damaged or incomplete; re-export or re-download it from its source.",
        ErrorCategory.NoVideoStream => "The file has no video stream; use an audio tool, or give a video file.",
        ErrorCategory.NotAVideo => "This is not a video (a still image, subtitles or data); remove it from the batch.",
        ErrorCategory.Unsupported => "This ffmpeg cannot decode the format or codec; convert it with the tool that made it, or use a newer ffmpeg.",
        ErrorCategory.EncoderUnavailable => "The encoder is not in this ffmpeg build; run 'spool doctor' to see what is available.",
        ErrorCategory.DiskFull => "Free space on the output disk or choose another --output, then run the batch again.",
        ErrorCategory.PermissionDenied => "Check the read permission of the input and the write permission of --output.",
        ErrorCategory.Timeout => "The job ran past --timeout; raise it for long or heavy inputs.",
        ErrorCategory.Stalled => "ffmpeg stopped making progress; check the input and the machine's load, then retry.",
        ErrorCategory.Cancelled => "The job was cancelled; resume the batch to run it.",
        ErrorCategory.QcFailed => "The output failed a quality check; see the qc values in the report.",
        ErrorCategory.FfmpegFailed => "ffmpeg failed; read the job's log under metadata/ for its last lines.",
        ErrorCategory.Internal => "This is a bug in Spool; please report it with the job's log.",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };
}
