namespace Spool.Media.Errors;

public static class ErrorCategories
{
    public static string ToWireName(this ErrorCategory category) => category switch
    {
        ErrorCategory.InputMissing => "input_missing",
        ErrorCategory.InputCorrupt => "input_corrupt",
        ErrorCategory.NotAFile => "not_a_file",
        ErrorCategory.NoVideoStream => "no_video_stream",
        ErrorCategory.NotAVideo => "not_a_video",
        ErrorCategory.Unsupported => "unsupported",
        ErrorCategory.EncoderUnavailable => "encoder_unavailable",
        ErrorCategory.DiskFull => "disk_full",
        ErrorCategory.PermissionDenied => "permission_denied",
        ErrorCategory.OutputUnwritable => "output_unwritable",
        ErrorCategory.Timeout => "timeout",
        ErrorCategory.Stalled => "stalled",
        ErrorCategory.Cancelled => "cancelled",
        ErrorCategory.QcFailed => "qc_failed",
        ErrorCategory.WorkerCrashed => "worker_crashed",
        ErrorCategory.FfmpegFailed => "ffmpeg_failed",
        ErrorCategory.Internal => "internal",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>The inverse of <see cref="ToWireName"/>, for values read back from a store or a report.</summary>
    public static ErrorCategory FromWireName(string name) => name switch
    {
        "input_missing" => ErrorCategory.InputMissing,
        "input_corrupt" => ErrorCategory.InputCorrupt,
        "not_a_file" => ErrorCategory.NotAFile,
        "no_video_stream" => ErrorCategory.NoVideoStream,
        "not_a_video" => ErrorCategory.NotAVideo,
        "unsupported" => ErrorCategory.Unsupported,
        "encoder_unavailable" => ErrorCategory.EncoderUnavailable,
        "disk_full" => ErrorCategory.DiskFull,
        "permission_denied" => ErrorCategory.PermissionDenied,
        "output_unwritable" => ErrorCategory.OutputUnwritable,
        "timeout" => ErrorCategory.Timeout,
        "stalled" => ErrorCategory.Stalled,
        "cancelled" => ErrorCategory.Cancelled,
        "qc_failed" => ErrorCategory.QcFailed,
        "worker_crashed" => ErrorCategory.WorkerCrashed,
        "ffmpeg_failed" => ErrorCategory.FfmpegFailed,
        "internal" => ErrorCategory.Internal,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown error category."),
    };

    /// <summary>
    /// Transient failures may succeed when run again; permanent ones never will. A missing ffmpeg, an output path
    /// that cannot be made and a job that keeps killing its worker are permanent: retrying only repeats them.
    /// </summary>
    public static bool IsTransient(this ErrorCategory category) => category is
        ErrorCategory.DiskFull or ErrorCategory.Timeout or ErrorCategory.Stalled or ErrorCategory.FfmpegFailed;

    public static string DefaultHint(this ErrorCategory category) => category switch
    {
        ErrorCategory.InputMissing => "Check the path: the file does not exist or was moved while the batch ran.",
        ErrorCategory.InputCorrupt => "The file is damaged or incomplete; re-export or re-download it from its source.",
        ErrorCategory.NotAFile => "Give Spool regular files: a FIFO, device or socket is never read as a video.",
        ErrorCategory.NoVideoStream => "The file has no video stream; use an audio tool, or give a video file.",
        ErrorCategory.NotAVideo => "This is not a video (a still image, subtitles or data); remove it from the batch.",
        ErrorCategory.Unsupported => "This ffmpeg cannot decode the format or codec; convert it with the tool that made it, or use a newer ffmpeg.",
        ErrorCategory.EncoderUnavailable => "The encoder is not in this ffmpeg build; run 'spool doctor' to see what is available.",
        ErrorCategory.DiskFull => "Free space on the output disk or choose another --output, then run the batch again.",
        ErrorCategory.PermissionDenied => "Check the read permission of the input and the write permission of --output.",
        ErrorCategory.OutputUnwritable => "Spool cannot make or write this output path: make --output a folder you can write (not a file, not under one) on a mounted disk.",
        ErrorCategory.Timeout => "The job ran past --timeout; raise it for long or heavy inputs.",
        ErrorCategory.Stalled => "ffmpeg stopped making progress; check the input and the machine's load, then retry.",
        ErrorCategory.Cancelled => "The job was cancelled; resume the batch to run it.",
        ErrorCategory.QcFailed => "The output failed a quality check; see the qc values in the report.",
        ErrorCategory.WorkerCrashed => "Run this input alone to see what kills the worker (memory, a crashing decoder), then retry the batch.",
        ErrorCategory.FfmpegFailed => "ffmpeg failed; read the job's log under metadata/ for its last lines.",
        ErrorCategory.Internal => "This is a bug in Spool; please report it with the job's log.",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };
}
