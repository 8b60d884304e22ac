using System.Globalization;
using Spool.Core.Planning;
using Spool.Core.Quality;
using Spool.Core.Quality.Checks;
using Spool.Core.Validation;
using Spool.Media.Commands;
using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Operations;

/// <summary>
/// Runs a work plan's ffmpeg commands, checks each output, places it (fenced by its job's lease) only when it is right,
/// and commits that job at once: a later step's interruption cannot undo a placed output.
/// </summary>
internal sealed partial class EncodeRunner(IProcessRunner runner, Prober prober, MediaTools tools, BatchSettings settings, IBatchObserver observer, TimeProvider clock, IWorkFence fence)
{
    private readonly QualityChecker quality = new(runner, tools.Ffmpeg, tools.Ffprobe, capabilities: null);

    // A GPU plan is not split into separate runs when its fused run fails: its CPU plan runs instead (EncodeRunner.Hardware.cs).
    private async Task<Dictionary<string, JobResult>> RunEncodesAsync(WorkPlan plan, EncodeContext context, bool splitOnFailure, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, JobResult>(StringComparer.Ordinal);
        var encoded = plan.Encoded;
        if (encoded.Count > 1)
        {
            var fused = await RunCommandAsync(plan.Fused, encoded, context, new RunKind(1, Fused: true), cancellationToken);
            if (fused.Error is null || !splitOnFailure || !WorthSeparateRuns(fused.Error))
            {
                foreach (var (output, result) in encoded.Zip(fused.Results))
                {
                    results[output.PresetName] = result;
                }

                return results;
            }
        }

        for (var i = 0; i < plan.Outputs.Count; i++)
        {
            if (plan.Outputs[i].DuplicateOf is null)
            {
                var kind = new RunKind(encoded.Count > 1 ? 2 : 1, Fused: false);
                var single = await RunCommandAsync(plan.Separate[i], [plan.Outputs[i]], context, kind, cancellationToken);
                results[plan.Outputs[i].PresetName] = single.Results[0];
            }
        }

        return results;
    }

    // A failure that is the input's (corrupt, missing, unsupported) or the machine's (disk, permissions) or the
    // user's (cancel, timeout) fails every preset alike: running each alone would only fail again, slower.
    private static bool WorthSeparateRuns(MediaError error) =>
        error.Category is ErrorCategory.FfmpegFailed or ErrorCategory.EncoderUnavailable or ErrorCategory.QcFailed;

    private async Task<RunOutcome> RunCommandAsync(
        FfmpegCommand command, IReadOnlyList<OutputPlan> outputs, EncodeContext context, RunKind kind, CancellationToken cancellationToken)
    {
        kind = kind with { Outputs = Math.Max(1, outputs.Count) };
        try
        {
            foreach (var output in outputs)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(output.PartialPath)!);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var unwritable = ExceptionErrors.ClassifyOutput(e);
            var none = new ProcessResult(ProcessEnd.FailedToStart, -1, "", "", "", TimeSpan.Zero);
            return new RunOutcome(unwritable, outputs.Select(output => Failed(context, output, kind, unwritable, none)).ToList());
        }

        var presets = outputs.Select(output => output.PresetName).ToList();
        var request = new ProcessRequest(tools.Ffmpeg, FfmpegCommandRenderer.Render(command))
        {
            ParsesProgress = true,
            Timeout = settings.Timeout,
            StallTimeout = settings.StallTimeout,
        };
        var duration = context.Source.EffectiveDuration;
        var progress = new ProgressRelay(p =>
            observer.WorkProgress(context.Input.Path, p, duration is > 0 ? Math.Clamp(p.OutTime.TotalSeconds / duration.Value * 100, 0, 100) : null));
        ProcessResult result;
        try
        {
            result = await runner.RunAsync(request, progress, cancellationToken);
        }
        catch
        {
            Discard(outputs);
            throw;
        }

        if (!result.Succeeded)
        {
            // First, before anything else can fail: a partial of a failed run frees its space (a full disk) at once.
            Discard(outputs);
        }

        var title = kind.Fused ? $"fused run of {string.Join(", ", presets)}" : $"run of {presets[0]}";
        await context.Log.AppendRunAsync(presets, title, result);

        if (!result.Succeeded)
        {
            var error = ErrorClassifier.Classify(result);
            return new RunOutcome(error, outputs.Select(output => Failed(context, output, kind, error, result)).ToList());
        }

        // The source's damage, found by this run, goes with every job of it, whatever becomes of its output.
        var checkedContext = context with { Warnings = [.. context.Warnings, .. await CheckSourceAsync(outputs, presets, context, result, cancellationToken)] };
        var measured = new EncodeMeasured(EncoderStatsParser.ParseX264(result.Stderr), QcLogParser.ParseMaxVolume(result.Stderr));
        var jobs = new List<JobResult>();
        foreach (var output in outputs)
        {
            jobs.Add(await VerifyAndPlaceAsync(output, checkedContext, kind, result, measured, cancellationToken));
        }

        var firstError = jobs.FirstOrDefault(job => job.Error is not null)?.Error;
        return new RunOutcome(firstError, jobs);
    }

    // The encode decoded the source already: only when it logged decode errors is the source decoded again, to date them.
    private async Task<IReadOnlyList<JobWarning>> CheckSourceAsync(
        IReadOnlyList<OutputPlan> outputs, IReadOnlyList<string> presets, EncodeContext context, ProcessResult encode, CancellationToken cancellationToken)
    {
        SourceDamageCheck check;
        try
        {
            check = await SourceDamage.CheckAsync(runner, tools.Ffmpeg, context.Input.Path, encode.Stderr, cancellationToken);
        }
        catch
        {
            Discard(outputs);
            throw;
        }

        if (check.Run is { } run)
        {
            await context.Log.AppendRunAsync(presets, "decode of the source, dating its decode errors", run);
        }

        return check.Warning is { } warning ? [warning] : [];
    }

    private async Task<JobResult> CheckAndPlaceAsync(
        OutputPlan output, EncodeContext context, RunKind kind, ProcessResult run, EncodeMeasured measured, CancellationToken cancellationToken)
    {
        // Quick QC's integrity is this probe reading every packet: one ffprobe gives the output's facts and its health.
        var packets = settings.Qc == QcMode.Quick ? await prober.ProbePacketsAsync(output.PartialPath, CancellationToken.None) : null;
        var probe = packets?.Outcome ?? await prober.ProbeAsync(output.PartialPath, CancellationToken.None);
        if (probe is not ProbeOutcome.Probed probed)
        {
            Discard([output]);
            return Failed(context, output, kind, UnreadableOutput(run), run);
        }

        // Without a frame rate the source's frame timing is unknown (a lone frame in a container that claims a
        // second, corpus small/webm.webm): its container duration is no yardstick for the output's.
        var knownTiming = context.Source.PrimaryVideo?.FrameRate is not null;
        var expectation = new OutputExpectation(output.Width, output.Height, output.HasAudio, knownTiming ? context.Source.TimelineDuration : null);
        var check = OutputCheckRules.Evaluate(probed.Media, expectation);
        if (check.Passed && settings.Qc is { } mode)
        {
            try
            {
                var encoder = output.Method == OutputMethod.Encode
                    ? EncoderMeasurements.Trusted(measured.Summaries, measured.PeakDb, probed.Media)
                    : new EncoderMeasurement(null, null, measured.PeakDb);
                check = await QualityCheckAsync(output, context, check, mode, knownTiming, encoder, probed.Media, packets, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Discard([output]);
                return Failed(context, output, kind, MediaError.Of(ErrorCategory.Cancelled, "Stopped while its output was being checked."), run);
            }
        }

        if (!check.Passed && !check.Warned)
        {
            return output.Method == OutputMethod.Encode ? await KeepFailedAsync(output, context, kind, run, check) : RemuxFailed(output, context, kind, run, check);
        }

        var placed = await fence.PlacerFor(output.PresetName).PlaceFileAsync(output.PartialPath, output.FinalPath, CancellationToken.None);
        if (placed.Error is { } unplaced)
        {
            return Failed(context, output, kind, unplaced, run) with { Qc = check };
        }

        HandOverThumbnail(output);
        var succeeded = new JobResult(context.Input.Path, output.PresetName, JobStatus.Succeeded, output.FinalPath, kind.Attempt, context.Started, clock.GetUtcNow(), null, check)
        {
            LogPath = context.Log.PathFor(output.PresetName),
            InputBytes = FileSizes.Of(context.Input.Path),
            OutputBytes = FileSizes.Of(output.FinalPath),
            SourceDurationSeconds = context.Source.EffectiveDuration,
            Fused = kind.Fused,
            CommandLine = run.CommandLine,
            ExitCode = run.ExitCode,
            CpuSeconds = CpuShare(run, kind),
            PeakMemoryBytes = run.PeakMemoryBytes / kind.Outputs,
            Operations = context.Operations,
            Warnings = context.Warnings,
            Method = OutputMethods.WireName(output.Method),
            Made = UpToDate.Made(context.Pending, output.PresetName, output.FinalPath),
        };
        await fence.CommitAsync(succeeded);
        await RemoveQcFailedAsync(output, context);
        return succeeded;
    }

    private void Discard(IEnumerable<OutputPlan> outputs)
    {
        foreach (var output in outputs)
        {
            fence.PlacerFor(output.PresetName).Discard(output.PartialPath);
            DiscardThumbnail(output);
        }
    }

    // ffmpeg exits 0 when the input yields no frame at all (corpus small/WindowsMediaVideo.wmv): then the input is at
    // fault. An output that had frames encoded into it but cannot be read back is ffmpeg's or the disk's, not the input's.
    private static MediaError UnreadableOutput(ProcessResult run) => EncodedFrames(run.Stdout) is null or 0
        ? MediaError.Of(ErrorCategory.InputCorrupt, "No frame of the input could be decoded: ffmpeg wrote an empty output.")
        : MediaError.Of(ErrorCategory.FfmpegFailed, "ffmpeg finished, but its output could not be read back by ffprobe.");

    private static long? EncodedFrames(string progress) =>
        FrameCount().Matches(progress) is { Count: > 0 } frames ? long.Parse(frames[^1].Groups[1].ValueSpan, CultureInfo.InvariantCulture) : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"^frame=(\d+)\s*$", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex FrameCount();

    // A run's CPU time is shared out among the outputs it encoded; copies of them cost none of it.
    private static double? CpuShare(ProcessResult run, RunKind kind) =>
        run.CpuTime is { } cpu ? Math.Round(cpu.TotalSeconds / kind.Outputs, 3) : null;

    private JobResult Failed(EncodeContext context, OutputPlan output, RunKind kind, MediaError error, ProcessResult run) =>
        new(context.Input.Path, output.PresetName, error.Category == ErrorCategory.Cancelled ? JobStatus.Cancelled : JobStatus.Failed,
            null, kind.Attempt, context.Started, clock.GetUtcNow(), error, null)
        {
            StderrTail = run.StderrTail(),
            LogPath = context.Log.PathFor(output.PresetName),
            InputBytes = FileSizes.Of(context.Input.Path),
            SourceDurationSeconds = context.Source.EffectiveDuration,
            Fused = kind.Fused,
            CommandLine = run.CommandLine,
            ExitCode = run.ExitCode,
            CpuSeconds = CpuShare(run, kind),
            PeakMemoryBytes = run.PeakMemoryBytes / kind.Outputs,
            Operations = context.Operations,
            Warnings = context.Warnings,
            Method = OutputMethods.WireName(output.Method),
        };

    /// <summary>What the encode measured itself: libx264's summaries and the peak of the audio it fed the encoders.</summary>
    private sealed record EncodeMeasured(IReadOnlyList<EncoderStats> Summaries, double? PeakDb);

    private sealed record RunOutcome(MediaError? Error, IReadOnlyList<JobResult> Results);

    /// <summary>Which try at the outputs a run is, whether it is the fused one, and how many outputs share its cost.</summary>
    private sealed record RunKind(int Attempt, bool Fused, int Outputs = 1);
}
