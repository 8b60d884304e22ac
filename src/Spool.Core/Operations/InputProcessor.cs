using Spool.Core.Discovery;
using Spool.Core.Planning;
using Spool.Media.Errors;
using Spool.Media.Probing;

namespace Spool.Core.Operations;

/// <summary>
/// Runs one work item: one input with all of its outputs. Probe, plan, one fused ffmpeg (one decode, split to
/// every output); if that fails for a reason that is not the input's fault, one ffmpeg per output so a bad preset
/// cannot sink the others. Every output is written under its .partial name and renamed only once it checks out.
/// </summary>
internal sealed class InputProcessor(
    Prober prober,
    EncodeRunner encoder,
    BatchSettings settings,
    IBatchObserver observer,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<JobResult>> RunAsync(DiscoveredInput input, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var presets = settings.Presets.Select(preset => preset.Name).ToList();
        var folder = Path.Combine(settings.OutputDirectory, input.OutputName);
        var log = new JobLog(Path.Combine(folder, "metadata"), Path.GetFileName(input.OutputName));
        observer.WorkStarted(input.Path, presets);

        var probe = await prober.ProbeAsync(input.Path, cancellationToken);
        if (probe is ProbeOutcome.Failed failed)
        {
            await log.AppendAsync(presets, $"# probe failed: {failed.Error.Category.ToWireName()}: {failed.Error.Message}\n");
            return Finish(presets, preset => Failure(input, preset, started, failed.Error, log));
        }

        var media = ((ProbeOutcome.Probed)probe).Media;
        await MetadataFiles.WriteProbeAsync(folder, media);
        var plan = WorkPlanner.Plan(media, settings.Presets, settings.PlanOptions with { ThreadsPerJob = settings.ThreadsPerJob }, new OutputTarget(folder, Path.GetFileName(input.OutputName)));
        if (plan is PlanOutcome.Rejected rejected)
        {
            await log.AppendAsync(presets, $"# not planned: {rejected.Error.Category.ToWireName()}: {rejected.Error.Message}\n");
            return Finish(presets, preset => Failure(input, preset, started, rejected.Error, log) with { SourceDurationSeconds = media.EffectiveDuration });
        }

        var work = ((PlanOutcome.Planned)plan).Plan;
        var context = new EncodeContext(input, media, log, started);
        var results = await encoder.RunAsync(work, context, cancellationToken);
        return Finish(presets, preset => results[preset]);
    }

    private IReadOnlyList<JobResult> Finish(IReadOnlyList<string> presets, Func<string, JobResult> resultFor)
    {
        var results = presets.Select(resultFor).ToList();
        foreach (var result in results)
        {
            observer.JobFinished(result);
        }

        return results;
    }

    private JobResult Failure(DiscoveredInput input, string preset, DateTimeOffset started, MediaError error, JobLog log) =>
        new(input.Path, preset, error.Category == ErrorCategory.Cancelled ? JobStatus.Cancelled : JobStatus.Failed, null, 1, started, clock.GetUtcNow(), error, null)
        {
            LogPath = log.PathFor(preset),
            InputBytes = FileSizes.Of(input.Path),
        };
}
