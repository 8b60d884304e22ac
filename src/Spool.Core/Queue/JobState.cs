namespace Spool.Core.Queue;

/// <summary>
/// A job's state machine: queued → running → succeeded | failed | skipped | cancelled, with retry_wait between attempts
/// (skipped: its output was already up to date, so it did no work).
/// Every transition is a compare-and-set from the expected state; a lease that expires returns running or
/// retry_wait to queued. Stored as snake_case text.
/// </summary>
public enum JobState
{
    Queued,
    Running,
    RetryWait,
    Succeeded,
    Failed,
    Cancelled,
    Skipped,
}

public static class JobStates
{
    public static bool IsTerminal(this JobState state) => state is JobState.Succeeded or JobState.Failed or JobState.Cancelled or JobState.Skipped;

    /// <summary>Held by a worker: its writes are fenced by the lease token.</summary>
    public static bool IsLeased(this JobState state) => state is JobState.Running or JobState.RetryWait;

    public static string ToWireName(this JobState state) => state switch
    {
        JobState.Queued => "queued",
        JobState.Running => "running",
        JobState.RetryWait => "retry_wait",
        JobState.Succeeded => "succeeded",
        JobState.Failed => "failed",
        JobState.Cancelled => "cancelled",
        JobState.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static JobState FromWireName(string name) => name switch
    {
        "queued" => JobState.Queued,
        "running" => JobState.Running,
        "retry_wait" => JobState.RetryWait,
        "succeeded" => JobState.Succeeded,
        "failed" => JobState.Failed,
        "cancelled" => JobState.Cancelled,
        "skipped" => JobState.Skipped,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown job state."),
    };
}
