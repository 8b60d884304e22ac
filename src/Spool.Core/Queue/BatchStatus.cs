namespace Spool.Core.Queue;

/// <summary>What "status" says of a batch, derived from its stored lifecycle and its jobs.</summary>
public sealed record BatchStatus(string Id, string State, IReadOnlyDictionary<string, int> Counts, BatchPriority Priority, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt)
{
    /// <summary>
    /// queued: nothing started yet · running: a job is leased by a live worker · interrupted: unfinished jobs and
    /// nobody running them (the process died or was stopped; resume finishes it) · completed: every job succeeded ·
    /// failed: finished with failed jobs · cancelled. Leases of dead holders must be rescued before calling this,
    /// so a batch whose process died is never shown as running.
    /// </summary>
    public static BatchStatus Of(BatchRecord batch, IReadOnlyList<JobRecord> jobs) => Of(batch, JobCounts.Of(jobs));

    /// <summary>The same status from counts alone (see <see cref="Of(BatchRecord, IReadOnlyList{JobRecord})"/>).</summary>
    public static BatchStatus Of(BatchRecord batch, JobCounts counts)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(counts);
        return new BatchStatus(batch.Id, StateOf(batch, counts), counts.ToWire(), batch.Priority, batch.CreatedAt, batch.FinishedAt);
    }

    private static string StateOf(BatchRecord batch, JobCounts counts)
    {
        if (counts[JobState.Running] + counts[JobState.RetryWait] > 0)
        {
            return "running";
        }

        if (batch.Lifecycle == BatchLifecycle.Cancelled)
        {
            return "cancelled";
        }

        var terminal = counts[JobState.Succeeded] + counts[JobState.Failed] + counts[JobState.Cancelled] + counts[JobState.Skipped];
        if (terminal == counts.Total)
        {
            return counts[JobState.Failed] > 0 ? "failed"
                : counts[JobState.Cancelled] > 0 ? "cancelled"
                : "completed";
        }

        return counts.Started > 0 ? "interrupted" : "queued";
    }
}
