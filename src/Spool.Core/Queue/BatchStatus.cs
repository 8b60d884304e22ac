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
    public static BatchStatus Of(BatchRecord batch, IReadOnlyList<JobRecord> jobs)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(jobs);
        var counts = Enum.GetValues<JobState>().ToDictionary(state => state.ToWireName(), state => jobs.Count(job => job.State == state));
        counts["total"] = jobs.Count;
        return new BatchStatus(batch.Id, StateOf(batch, jobs), counts, batch.Priority, batch.CreatedAt, batch.FinishedAt);
    }

    private static string StateOf(BatchRecord batch, IReadOnlyList<JobRecord> jobs)
    {
        if (jobs.Any(job => job.State.IsLeased()))
        {
            return "running";
        }

        if (batch.Lifecycle == BatchLifecycle.Cancelled)
        {
            return "cancelled";
        }

        if (jobs.All(job => job.State.IsTerminal()))
        {
            return jobs.Any(job => job.State == JobState.Failed) ? "failed"
                : jobs.Any(job => job.State == JobState.Cancelled) ? "cancelled"
                : "completed";
        }

        var started = jobs.Any(job => job.State.IsTerminal() || job.Attempts > 0 || job.StartedAt is not null);
        return started ? "interrupted" : "queued";
    }
}
