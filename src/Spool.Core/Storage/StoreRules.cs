using Spool.Media.Errors;

namespace Spool.Core.Storage;

/// <summary>The values every store engine writes the same way, so SQLite and PostgreSQL read alike.</summary>
public static class StoreRules
{
    /// <summary>A job whose worker vanished this many times in a row while running it is failed instead of requeued.</summary>
    public const int QuarantineAfterCrashes = 3;

    /// <summary>Permanent: a job that killed its worker three times would only kill the next one.</summary>
    public static readonly MediaError Quarantined = MediaError.Of(
        ErrorCategory.WorkerCrashed,
        $"Quarantined: its worker died {QuarantineAfterCrashes} times in a row while running it.");

    public static readonly MediaError CancelledByUser = MediaError.Of(ErrorCategory.Cancelled, "Cancelled by the user.");

    /// <summary>The outcome recorded for an attempt that ended without a result (clean stop, crash, rescue).</summary>
    public static string Interrupted(string reason) => "interrupted: " + reason;

    public const string LeaseExpiredReason = "lease expired";

    public const string HolderGoneReason = "worker process gone";
}
