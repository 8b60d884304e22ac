using Spool.Media.Hardware;

namespace Spool.Core.Queue;

/// <summary>How a worker pool runs: how many work items at once, which batch, and its lease timings.</summary>
public sealed record WorkerOptions(int MaxConcurrent, int ProcessorCount, bool CanToneMap)
{
    /// <summary>Only this batch's jobs; null takes any batch's.</summary>
    public string? BatchId { get; init; }

    /// <summary>The hardware encoders this machine proved at start (spool doctor's trial); none: every batch encodes on the CPU.</summary>
    public HardwareSupport Hardware { get; init; } = HardwareSupport.None;

    /// <summary>Exit when nothing is left to claim and nothing runs; otherwise wait for new work until stopped.</summary>
    public bool Drain { get; init; } = true;

    /// <summary>At least three heartbeats long (DESIGN.md).</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>First delay between attempts of a transient failure; it doubles, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A lease of <paramref name="lease"/>, renewed every third of it (DESIGN.md: at least three heartbeats per lease).</summary>
    public WorkerOptions WithLease(TimeSpan lease) => this with
    {
        Lease = lease,
        HeartbeatInterval = lease / 3,
        ProgressInterval = TimeSpan.FromTicks(Math.Min(ProgressInterval.Ticks, (lease / 3).Ticks)),
    };

    /// <summary>
    /// This machine's CPU and memory, measured before a claim while something runs: batches with thresholds (adaptive,
    /// smart) are admitted against it (<see cref="ResourceAdmission"/>).
    /// </summary>
    public ISystemSampler Sampler { get; init; } = new ProcSampler(TimeProvider.System);
}
