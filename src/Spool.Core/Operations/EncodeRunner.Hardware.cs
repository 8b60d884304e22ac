using Spool.Core.Planning;
using Spool.Media.Errors;

namespace Spool.Core.Operations;

/// <summary>
/// GPU where present, CPU always: a plan on a hardware encoder runs once on the GPU; when that run fails (the driver
/// refuses a session, the encoder rejects a setting, the GPU hangs), the work item's CPU plan runs instead, and every
/// job it makes carries a hardware_fallback warning naming the encoder and its error.
/// </summary>
internal sealed partial class EncodeRunner
{
    public async Task<IReadOnlyDictionary<string, JobResult>> RunAsync(WorkPlan plan, EncodeContext context, CancellationToken cancellationToken)
    {
        if (plan.HardwareNote is { } note)
        {
            context = context with { Warnings = [.. context.Warnings, JobWarning.HardwareUnproven(note)] };
        }

        if (plan.Hardware is not { } hardware)
        {
            return await WithCopiesAsync(plan, await RunEncodesAsync(plan, context, splitOnFailure: true, cancellationToken), context, cancellationToken);
        }

        var results = await RunEncodesAsync(plan, context, splitOnFailure: false, cancellationToken);
        if (results.Values.FirstOrDefault(IsHardwareFailure)?.Error is not { } error || cancellationToken.IsCancellationRequested)
        {
            return await WithCopiesAsync(plan, results, context, cancellationToken);
        }

        var failed = results.Where(pair => IsHardwareFailure(pair.Value)).Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
        await context.Log.AppendAsync(failed, $"# {hardware.Encoder} failed ({error.Message}): encoding on the CPU\n");
        var fallback = context with { Warnings = [.. context.Warnings, JobWarning.HardwareFallback(hardware.Encoder, error)] };
        var cpu = hardware.CpuPlan;
        if (failed.Count == results.Count)
        {
            return await WithCopiesAsync(cpu, await RunEncodesAsync(cpu, fallback, splitOnFailure: true, cancellationToken), fallback, cancellationToken);
        }

        // Outputs the GPU run placed are committed already: only the ones it spoiled are encoded again, each alone.
        for (var i = 0; i < cpu.Outputs.Count; i++)
        {
            if (failed.Contains(cpu.Outputs[i].PresetName))
            {
                var single = await RunCommandAsync(cpu.Separate[i], [cpu.Outputs[i]], fallback, new RunKind(2, Fused: false), cancellationToken);
                results[cpu.Outputs[i].PresetName] = single.Results[0];
            }
        }

        // The GPU plan's copies: outputs alike on the GPU (x264 speeds that map to one NVENC preset) are still one file.
        return await WithCopiesAsync(plan, results, fallback, cancellationToken);
    }

    // What the GPU can be blamed for. The input's faults (missing, corrupt), the machine's (disk, permissions), the
    // user's (cancel, timeout) and a failed QC would fail the CPU run alike, so they are not run again.
    private static bool IsHardwareFailure(JobResult result) =>
        result.Status == JobStatus.Failed
        && result.Error?.Category is ErrorCategory.FfmpegFailed or ErrorCategory.EncoderUnavailable or ErrorCategory.Stalled or ErrorCategory.Unsupported;
}
