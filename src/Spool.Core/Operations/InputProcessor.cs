using Spool.Core.Discovery;
using Spool.Core.Planning;
using Spool.Core.Validation;
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
    InputValidator validator,
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

        // The health check before any encode: probe sanity always, a full decode with --validate thorough.
        var health = QuickValidation.Check(media, FileSizes.Of(input.Path) ?? 0);
        if (health.IsOk && settings.ValidateThoroughly)
        {
            health = await validator.CheckAsync(input.Path, thorough: true, cancellationToken);
        }

        if (health.AsError() is { } unhealthy)
        {
            await log.AppendAsync(presets, $"# failed validation: {unhealthy.Category.ToWireName()}: {unhealthy.Message}\n");
            return Finish(presets, preset => Failure(input, preset, started, unhealthy, log) with { SourceDurationSeconds = media.EffectiveDuration });
        }

        var work = ((PlanOutcome.Planned)plan).Plan;
        var context = new EncodeContext(input, media, log, started);
        var results = new Dictionary<string, JobResult>(await encoder.RunAsync(work, context, cancellationToken), StringComparer.Ordinal);
        if (settings.QcRetry)
        {
            await RetryQcFailuresAsync(media, context, results, cancellationToken);
        }

        return Finish(presets, preset => results[preset]);
    }

    // --qc-retry: an output that failed QC is encoded once more, one quality step up (a lower CRF).
    private async Task RetryQcFailuresAsync(MediaInfo media, EncodeContext context, Dictionary<string, JobResult> results, CancellationToken cancellationToken)
    {
        var failed = settings.Presets.Where(preset => results[preset.Name].Error?.Category == ErrorCategory.QcFailed).ToList();
        if (failed.Count == 0)
        {
            return;
        }

        var better = settings.PlanOptions.Quality == QualityLevel.Medium ? QualityLevel.High : QualityLevel.Ultra;
        var options = settings.PlanOptions with { ThreadsPerJob = settings.ThreadsPerJob, Quality = better };
        var target = new OutputTarget(Path.Combine(settings.OutputDirectory, context.Input.OutputName), Path.GetFileName(context.Input.OutputName));
        if (WorkPlanner.Plan(media, failed, options, target) is PlanOutcome.Planned again)
        {
            await context.Log.AppendAsync(failed.Select(preset => preset.Name), $"# QC failed: encoding again at quality {better}\n");
            foreach (var (preset, result) in await encoder.RunAsync(again.Plan, context, cancellationToken))
            {
                results[preset] = result with { Attempts = results[preset].Attempts + 1 };
            }
        }
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
