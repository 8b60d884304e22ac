namespace Spool.Core.Queue;

/// <summary>What a worker tells the store's claim about its machine, for the batches that set thresholds.</summary>
/// <param name="RunningHere">Work items this worker runs now.</param>
/// <param name="CpuPercent">CPU use over the sampler's window; null when not measured.</param>
/// <param name="MemoryPercent">Memory in use; null when not measured.</param>
/// <param name="MemoryTotalGb">The machine's memory: the smart strategy's cap when the batch names none.</param>
public sealed record MachineLoad(int RunningHere, double? CpuPercent, double? MemoryPercent, double? MemoryTotalGb)
{
    /// <summary>A worker that runs nothing: every batch admits it, whatever the machine is doing.</summary>
    public static MachineLoad Idle { get; } = new(0, null, null, null);
}

/// <summary>
/// The adaptive and smart strategies' measurement before each claim. The rule itself is the claim's (it compares this
/// with each batch's stored thresholds, see <see cref="BatchAdmission"/>): one item may always run, so a busy machine
/// slows a batch but never stalls it; with something running, a batch's item starts only while CPU and memory use are
/// under its thresholds and the running items' estimated memory stays under its cap.
/// </summary>
public sealed class ResourceAdmission(ISystemSampler sampler)
{
    public async Task<MachineLoad> MeasureAsync(int runningHere, CancellationToken cancellationToken)
    {
        if (runningHere == 0)
        {
            return MachineLoad.Idle;
        }

        var sample = await sampler.SampleAsync(cancellationToken);
        return new MachineLoad(runningHere, sample.CpuPercent, sample.MemoryPercent, sample.MemoryTotalGb);
    }
}
