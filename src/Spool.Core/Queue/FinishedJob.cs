namespace Spool.Core.Queue;

/// <summary>The few fields of a finished job that throughput and metrics need, without its result's text.</summary>
public sealed record FinishedJob(JobState State, DateTimeOffset? StartedAt, DateTimeOffset FinishedAt, long? InputBytes, long? OutputBytes)
{
    /// <summary>Wall time of its last attempt; null when it never started (cancelled while queued).</summary>
    public double? Seconds => StartedAt is { } start && FinishedAt >= start ? (FinishedAt - start).TotalSeconds : null;
}
