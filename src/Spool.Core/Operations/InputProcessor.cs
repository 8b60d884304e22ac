using System.Globalization;
using Spool.Core.Discovery;
using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Core.Quality.Checks;
using Spool.Core.Steps;
using Spool.Core.Validation;
using Spool.Media.Errors;
using Spool.Media.Probing;

namespace Spool.Core.Operations;

/// <summary>
/// Runs one work item: one input with all of its outputs and media steps. Probe, plan, then in order: subtitles
/// (soft and burn put them into the encodes), the encode's analysis passes (loudness, stabilisation, colour), one
/// fused ffmpeg (one decode, split to every output) with a per-output fallback when that fails for a reason that is
/// not the input's fault, and the steps that read the source (thumbnails, sprite, HLS). Every output is written
/// under a partial name carrying its job's lease token and placed (fenced) only once it checks out; each job is
/// committed through the <see cref="IWorkFence"/> the moment its output is placed.
/// </summary>
internal sealed class InputProcessor(
    Prober prober,
    InputValidator validator,
    EncodeRunner encoder,
    EncodePreparer preparer,
    MediaStepFactory steps,
    BatchSettings settings,
    IBatchObserver observer,
    TimeProvider clock,
    IWorkFence fence)
{
    private readonly StepJobRunner stepRunner = new(clock, observer);
    private readonly UpToDate upToDate = new(prober, fence, settings);

    /// <param name="input">The input.</param>
    /// <param name="submitted">The probe stored at submit: planned from while the input keeps its size and time, else probed again.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public async Task<IReadOnlyList<JobResult>> RunAsync(DiscoveredInput input, ProbeCapture? submitted, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var presets = settings.Presets.Select(preset => preset.Name).ToList();
        var stepNames = settings.Operations.StepNames().Where(step => settings.StepsToRun?.Contains(step) ?? true).ToList();
        List<string> names = [.. presets, .. stepNames];
        var folder = Path.Combine(settings.OutputDirectory, input.OutputName);
        var stem = Path.GetFileName(input.OutputName);
        var log = new JobLog(Path.Combine(folder, "metadata"), stem);
        fence.RemoveStalePartials(folder);
        observer.WorkStarted(input.Path, names);

        var probe = await prober.ProbeAsync(input.Path, submitted, cancellationToken);
        if (probe is ProbeOutcome.Failed failed)
        {
            await log.AppendAsync(names, $"# probe failed: {failed.Error.Category.ToWireName()}: {failed.Error.Message}\n");
            return Finish(names, name => Failure(input, name, started, failed.Error, log));
        }

        var media = ((ProbeOutcome.Probed)probe).Media;
        await MetadataFiles.WriteProbeAsync(folder, media, fence.PlacerFor(names[0]));
        var target = new OutputTarget(folder, stem) { PartialTags = presets.ToDictionary(preset => preset, preset => fence.PlacerFor(preset).Tag, StringComparer.Ordinal) };
        var options = settings.PlanOptions with { ThreadsPerJob = settings.ThreadsPerJob, EncoderQc = settings.Qc == QcMode.Quick, ReportThumbnails = true };
        var planned = WorkPlanner.Plan(media, settings.Presets.Count > 0 ? settings.Presets : [Presets.BuiltInPresets.All[0]], options, target);
        if (planned is PlanOutcome.Rejected rejected)
        {
            await log.AppendAsync(names, $"# not planned: {rejected.Error.Category.ToWireName()}: {rejected.Error.Message}\n");
            return Finish(names, name => Failure(input, name, started, rejected.Error, log) with { SourceDurationSeconds = media.EffectiveDuration });
        }

        var results = new Dictionary<string, JobResult>(StringComparer.Ordinal);
        var (pending, done) = await CheckUpToDateAsync(input, media, ((PlanOutcome.Planned)planned).Plan, log, started, results, cancellationToken);

        // The health check before any encode: probe sanity always, a full decode with --validate thorough.
        var health = QuickValidation.Check(media, FileSizes.Of(input.Path) ?? 0);
        if (health.IsOk && settings.ValidateThoroughly)
        {
            health = health.Then(await validator.DecodeCheckAsync(input.Path, cancellationToken));
        }

        if (health.AsError() is { } unhealthy)
        {
            await log.AppendAsync(names, $"# failed validation: {unhealthy.Category.ToWireName()}: {unhealthy.Message}\n");
            return Finish(names, name => Failure(input, name, started, unhealthy, log) with { SourceDurationSeconds = media.EffectiveDuration });
        }

        var stepContext = new StepContext(media, folder, stem, settings.ThreadsPerJob);
        if (stepNames.Contains(StepNamesOf.Subtitles))
        {
            results[StepNamesOf.Subtitles] = await RunStepAsync(StepNamesOf.Subtitles, stepContext, input, log, cancellationToken);
        }

        var toEncode = settings.Presets.Where(preset => !done.Contains(preset.Name)).ToList();
        if (toEncode.Count > 0)
        {
            var encoding = toEncode.Select(preset => preset.Name).ToList();
            var prepared = await preparer.PrepareAsync(media, folder, stem, log, encoding, fence.PlacerFor(encoding[0]), cancellationToken);
            var context = new EncodeContext(input, media, log, started, prepared.Records) { SourceFilters = prepared.Adjustments.VideoFilters, Pending = pending };
            if (prepared.Error is { } error)
            {
                foreach (var preset in encoding)
                {
                    results[preset] = Failure(input, preset, started, error, log) with { SourceDurationSeconds = media.EffectiveDuration, Operations = prepared.Records };
                }
            }
            else
            {
                await EncodeAsync(context, toEncode, options with { Adjustments = prepared.Adjustments }, target, results, cancellationToken);
            }
        }

        foreach (var step in stepNames.Where(step => step != StepNamesOf.Subtitles))
        {
            results[step] = await RunStepAsync(step, stepContext, input, log, cancellationToken);
        }

        return Finish(names, name => results[name]);
    }

    // A step places its files under its own job's lease, and its job is committed as soon as it succeeded.
    private async Task<JobResult> RunStepAsync(string step, StepContext context, DiscoveredInput input, JobLog log, CancellationToken cancellationToken)
    {
        var result = await stepRunner.RunAsync(steps.Create(step), context with { Placer = fence.PlacerFor(step) }, input.Path, log, cancellationToken);
        if (result.Status == JobStatus.Succeeded)
        {
            await fence.CommitAsync(result);
        }

        return result;
    }

    // Skip what is done: an output the store recorded making from this very input by this very plan, still in place as
    // it was, ends its job at once. Media operations that change the encode depend on analysis passes that would have
    // to run first to know the plan, so their batches are always encoded.
    private async Task<(IReadOnlyDictionary<string, Queue.DoneOutput> Pending, IReadOnlySet<string> Done)> CheckUpToDateAsync(
        DiscoveredInput input, MediaInfo media, WorkPlan plan, JobLog log, DateTimeOffset started, Dictionary<string, JobResult> results, CancellationToken cancellationToken)
    {
        if (settings.Presets.Count == 0 || settings.Operations.ChangesEncode)
        {
            return (new Dictionary<string, Queue.DoneOutput>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        }

        var knownTiming = media.PrimaryVideo?.FrameRate is not null;
        var (pending, done) = await upToDate.CheckAsync(input.Path, plan, knownTiming ? media.TimelineDuration : null, cancellationToken);
        foreach (var output in plan.Outputs.Where(output => done.Contains(output.PresetName)))
        {
            await log.AppendAsync([output.PresetName], UpToDate.SkipLine(output.FinalPath));
            results[output.PresetName] = UpToDate.Skipped(input.Path, output, media, log, started, clock.GetUtcNow());
        }

        return (pending, done);
    }

    private async Task EncodeAsync(EncodeContext context, IReadOnlyList<Preset> presets, PlanOptions options, OutputTarget target, Dictionary<string, JobResult> results, CancellationToken cancellationToken)
    {
        var work = ((PlanOutcome.Planned)WorkPlanner.Plan(context.Source, presets, options, target)).Plan;
        foreach (var (preset, result) in await encoder.RunAsync(work, context, cancellationToken))
        {
            results[preset] = result;
        }

        // A remux never decodes the source, so a damaged one shows only when its output is checked: those outputs are
        // encoded instead, which decodes the source and judges its damage as any encode does.
        var remuxFailed = presets.Where(preset => results[preset.Name] is { Status: JobStatus.Failed, Method: not "encode", Error.Category: ErrorCategory.QcFailed or ErrorCategory.FfmpegFailed or ErrorCategory.InputCorrupt }).ToList();
        if (remuxFailed.Count > 0 && !cancellationToken.IsCancellationRequested)
        {
            await context.Log.AppendAsync(remuxFailed.Select(preset => preset.Name), "# the remux failed: encoding instead\n");
            var encode = ((PlanOutcome.Planned)WorkPlanner.Plan(context.Source, remuxFailed, options with { AllowsStreamCopy = false }, target)).Plan;
            foreach (var (preset, result) in await encoder.RunAsync(encode, context, cancellationToken))
            {
                results[preset] = result;
            }
        }

        if (settings.QcRetry)
        {
            await RetryQcFailuresAsync(context, presets, options, target, results, cancellationToken);
        }
    }

    // --qc-retry: an output that failed QC is encoded once more, one quality step up (a lower CRF).
    private async Task RetryQcFailuresAsync(EncodeContext context, IReadOnlyList<Preset> presets, PlanOptions options, OutputTarget target, Dictionary<string, JobResult> results, CancellationToken cancellationToken)
    {
        var failed = presets.Where(preset => results[preset.Name].Error?.Category == ErrorCategory.QcFailed).ToList();
        if (failed.Count == 0)
        {
            return;
        }

        var better = options.Quality == QualityLevel.Medium ? QualityLevel.High : QualityLevel.Ultra;
        if (WorkPlanner.Plan(context.Source, failed, options with { Quality = better }, target) is PlanOutcome.Planned again)
        {
            await context.Log.AppendAsync(failed.Select(preset => preset.Name), $"# QC failed: encoding again at quality {better}\n");
            var began = clock.GetTimestamp();
            foreach (var (preset, result) in await encoder.RunAsync(again.Plan, context, cancellationToken))
            {
                // The report says that the output was encoded twice, why, and what changed between the two.
                var first = results[preset];
                var retry = RetryRecord(failed.First(p => p.Name == preset), context, options.Quality, better, first, clock.GetElapsedTime(began).TotalSeconds);
                results[preset] = result with
                {
                    Attempts = first.Attempts + 1,
                    Operations = [.. result.Operations, retry],
                    Error = result.Error is { } still ? still with { Message = $"{still.Message} (--qc-retry {retry.Details["changed"]}; the first encode failed too.)" } : null,
                };
            }
        }
    }

    private static OperationRecord RetryRecord(Preset preset, EncodeContext context, QualityLevel from, QualityLevel to, JobResult first, double seconds)
    {
        var video = context.Source.PrimaryVideo!;
        var crf = AutoPreset.ForSource(preset, video.DisplayWidth, video.DisplayHeight).Crf;
        var failedChecks = first.Qc?.Checks.Where(check => !check.Passed).Select(check => check.Name) ?? [];
        return new OperationRecord("qc_retry", Math.Round(seconds, 3), new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["reason"] = "QC failed: " + string.Join(", ", failedChecks.DefaultIfEmpty("output check")),
            ["changed"] = string.Create(CultureInfo.InvariantCulture, $"re-encoded at quality {from.ToString().ToLowerInvariant()} -> {to.ToString().ToLowerInvariant()} (CRF {Encoders.Crf(crf, from)} -> {Encoders.Crf(crf, to)})"),
            ["first_error"] = first.Error?.Message ?? "",
        });
    }

    private IReadOnlyList<JobResult> Finish(IReadOnlyList<string> names, Func<string, JobResult> resultFor)
    {
        var results = names.Select(resultFor).ToList();
        foreach (var result in results)
        {
            observer.JobFinished(result);
        }

        return results;
    }

    private JobResult Failure(DiscoveredInput input, string name, DateTimeOffset started, MediaError error, JobLog log) =>
        new(input.Path, name, error.Category == ErrorCategory.Cancelled ? JobStatus.Cancelled : JobStatus.Failed, null, 1, started, clock.GetUtcNow(), error, null)
        {
            LogPath = log.PathFor(name),
            InputBytes = FileSizes.Of(input.Path),
        };
}
