using Spool.Media.Errors;

namespace Spool.Core.Storage;

/// <summary>The values every store engine writes the same way, so SQLite and PostgreSQL read alike.</summary>
public static class StoreRules
{
    /// <summary>A job whose worker vanished this many times in a row while running it is failed instead of requeued.</summary>
    public const int QuarantineAfterCrashes = 3;

    public static readonly MediaError Quarantined = new(
        ErrorCategory.FfmpegFailed,
        $"Quarantined: its worker died {QuarantineAfterCrashes} times in a row while running it.",
        "Run this input alone to see what kills the worker (memory, a crashing decoder), then retry the batch.");

    public static readonly MediaError CancelledByUser = MediaError.Of(ErrorCategory.Cancelled, "Cancelled by the user.");

    /// <summary>The outcome recorded for an attempt that ended without a result (clean stop, crash, rescue).</summary>
    public static string Interrupted(string reason) => "interrupted: " + reason;

    public const string LeaseExpiredReason = "lease expired";

    public const string HolderGoneReason = "worker process gone";
}
