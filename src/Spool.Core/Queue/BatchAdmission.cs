namespace Spool.Core.Queue;

/// <summary>How work within one priority is ordered and admitted (--parallel-strategy).</summary>
public enum ParallelStrategy
{
    /// <summary>Longest expected work first, at most MaxConcurrent at once.</summary>
    Fixed,

    /// <summary>Like fixed, and a new work item starts only while CPU and memory are under their thresholds.</summary>
    Adaptive,

    /// <summary>Adaptive, and running items' estimated memory is capped (by --max-memory, else the machine's memory).</summary>
    Smart,

    /// <summary>Input order, one at a time.</summary>
    Sequential,
}

/// <summary>
/// A batch's own admission rules, stored with it so that every worker on every machine honours them whatever its -j:
/// at most <see cref="MaxConcurrent"/> of its work items run at once across all workers (null: the workers decide), and
/// a worker that already runs something starts another only while this machine's CPU and memory use are under the
/// thresholds (null: not checked). The store's claim enforces both (see IJobStore.ClaimNextAsync).
/// </summary>
public sealed record BatchAdmission(ParallelStrategy Strategy, int? MaxConcurrent, double? CpuThreshold, double? MemoryThreshold, double? MaxMemoryGb)
{
    /// <summary>What one ffmpeg work item is assumed to hold: a 1080p decode, a split and two or three x264 encoders.</summary>
    public const double EstimatedGbPerItem = 0.75;

    public static BatchAdmission Unlimited { get; } = new(ParallelStrategy.Fixed, null, null, null, null);
}
