using System.Globalization;
using Spool.Core.Chunking;
using Spool.Core.Discovery;
using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Core.Quality.Checks;
using Spool.Core.Queue;
using Spool.Media.Commands;
using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Operations;

/// <summary>
/// The job of a chunked output, once every chunk of its input has ended: joins the chunks with the concat demuxer
/// (video copied) and the source's audio encoded once, to the output's partial; verifies the join against the source
/// (<see cref="SeamCheck"/>: exact frame count, duration, SSIM at each seam) and fails clearly when it is off; then QC
/// and fenced placement like any output. The hidden chunk folder is removed once the output is placed.
/// </summary>
internal sealed class ChunkJoiner(IProcessRunner runner, Prober prober, MediaTools tools, BatchSettings settings, EncodeRunner encoder, IBatchObserver observer, TimeProvider clock, IWorkFence fence)
{
    private readonly SeamCheck seams = new(runner, tools.Ffmpeg, new VideoPackets(runner, tools.Ffprobe));

    public async Task<JobResult> RunAsync(DiscoveredInput input, string presetName, IReadOnlyList<JobRecord> chunks, ProbeCapture? submitted, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var outputFolder = Path.Combine(settings.OutputDirectory, input.OutputName);
        var stem = Path.GetFileName(input.OutputName);
        var log = new JobLog(Path.Combine(outputFolder, "metadata"), stem);
        var folder = ChunkEncoder.FolderFor(settings.OutputDirectory, input.OutputName, presetName);
        var placer = fence.PlacerFor(presetName);
        observer.WorkStarted(input.Path, [presetName]);
        JobResult Failed(MediaError error, ProcessResult? run = null, double? duration = null) =>
            new(input.Path, presetName, error.Category == ErrorCategory.Cancelled ? JobStatus.Cancelled : JobStatus.Failed, null, 1, started, clock.GetUtcNow(), error, null)
            {
                LogPath = log.PathFor(presetName),
                InputBytes = FileSizes.Of(input.Path),
                SourceDurationSeconds = duration,
                CommandLine = run?.CommandLine,
                ExitCode = run?.ExitCode,
                StderrTail = run?.StderrTail(),
            };

        if (await prober.ProbeAsync(input.Path, submitted, cancellationToken) is not ProbeOutcome.Probed { Media: var media })
        {
            return Finish(Failed(MediaError.Of(ErrorCategory.InputCorrupt, "The input could not be probed again to join its chunks.")));
        }

        var preset = settings.Presets.First(p => p.Name == presetName);
        var target = new OutputTarget(outputFolder, stem) { PartialTags = new Dictionary<string, string>(StringComparer.Ordinal) { [presetName] = placer.Tag } };
        var options = settings.PlanOptions with { ThreadsPerJob = settings.ThreadsPerJob };
        var plan = ((PlanOutcome.Planned)WorkPlanner.Plan(media, [preset], options, target)).Plan;
        var output = plan.Outputs[0];
        var knownTiming = media.PrimaryVideo?.FrameRate is not null;
        var (pending, done) = await new UpToDate(prober, fence, settings).CheckOneAsync(input.Path, plan, knownTiming ? media.TimelineDuration : null, cancellationToken);
        if (done)
        {
            await log.AppendAsync([presetName], UpToDate.SkipLine(output.FinalPath));
            return Finish(UpToDate.Skipped(input.Path, output, media, log, started, clock.GetUtcNow()));
        }

        var ordered = chunks.OrderBy(chunk => chunk.Chunk!.Index).ToList();
        if (ordered.FirstOrDefault(chunk => chunk.State != JobState.Succeeded) is { } unfinished)
        {
            var error = unfinished.Result?.Error;
            var message = $"Chunk {unfinished.Chunk!.Index} of {unfinished.Chunk.Count} did not succeed ({unfinished.State.ToWireName()}{(error is null ? "" : ": " + error.Message)}); the output cannot be joined.";
            return Finish(Failed(MediaError.Of(error?.Category ?? ErrorCategory.Cancelled, message)));
        }

        var files = ordered.Select(chunk => chunk.Result?.Output ?? ChunkEncoder.FileFor(folder, chunk.Chunk!.Index)).ToList();
        if (files.FirstOrDefault(file => !File.Exists(file)) is { } missing)
        {
            return Finish(Failed(MediaError.Of(ErrorCategory.Internal, $"The chunk file {missing} is gone; run 'spool retry' on the batch to encode the output again.")));
        }

        var list = placer.PartialFor(Path.Combine(folder, "chunks.txt"));
        await File.WriteAllTextAsync(list, ChunkCommands.ConcatList(files), cancellationToken);
        try
        {
            return Finish(await JoinAsync(input, media, preset, plan, list, ordered, log, started, Failed, pending, cancellationToken));
        }
        finally
        {
            placer.Discard(list);
        }
    }

    private async Task<JobResult> JoinAsync(
        DiscoveredInput input, MediaInfo media, Preset preset, WorkPlan plan, string list, List<JobRecord> chunks, JobLog log, DateTimeOffset started,
        Func<MediaError, ProcessResult?, double?, JobResult> failed, Queue.DoneOutput? pending, CancellationToken cancellationToken)
    {
        var output = plan.Outputs[0];
        var placer = fence.PlacerFor(output.PresetName);
        Directory.CreateDirectory(Path.GetDirectoryName(output.PartialPath)!);
        var request = new ProcessRequest(tools.Ffmpeg, FfmpegCommandRenderer.Render(ChunkCommands.Join(plan.Separate[0], list)))
        {
            ParsesProgress = true,
            Timeout = settings.Timeout,
            StallTimeout = settings.StallTimeout,
        };
        var timer = clock.GetTimestamp();
        var run = await runner.RunAsync(request, null, cancellationToken);
        await log.AppendRunAsync([output.PresetName], $"join of {chunks.Count} chunks", run);
        if (!run.Succeeded)
        {
            placer.Discard(output.PartialPath);
            return failed(ErrorClassifier.Classify(run), run, media.EffectiveDuration);
        }

        if (await prober.ProbeAsync(output.PartialPath, CancellationToken.None) is not ProbeOutcome.Probed { Media: var joined })
        {
            placer.Discard(output.PartialPath);
            return failed(MediaError.Of(ErrorCategory.FfmpegFailed, "ffmpeg finished, but the joined output could not be read back by ffprobe."), run, media.EffectiveDuration);
        }

        var video = media.PrimaryVideo!;
        var bar = settings.QcBars.Apply(QcThresholds.ForPreset(AutoPreset.ForSource(preset, video.DisplayWidth, video.DisplayHeight))).MinSsim ?? QcThresholds.Default.MinSsim ?? 0.9;
        var boundaries = chunks.Skip(1).Select(chunk => chunk.Chunk!.Start).ToList();
        var report = await seams.CheckAsync(joined, media, boundaries, bar, cancellationToken);
        await log.AppendAsync([output.PresetName], SeamLine(report) + "\n");
        if (report.Problem is { } problem)
        {
            placer.Discard(output.PartialPath);
            return failed(MediaError.Of(ErrorCategory.QcFailed, $"The joined chunks do not match the source: {problem}."), run, media.EffectiveDuration);
        }

        var record = new OperationRecord("chunked_join", Math.Round(clock.GetElapsedTime(timer).TotalSeconds, 3), new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["chunks"] = chunks.Count.ToString(CultureInfo.InvariantCulture),
            ["frames"] = report.Frames?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["seam_ssim_min"] = report.SeamSsims.Min()?.ToString("0.####", CultureInfo.InvariantCulture) ?? "",
        });
        var context = new EncodeContext(input, media, log, started, [record])
        {
            Pending = pending is null ? new Dictionary<string, Queue.DoneOutput>(StringComparer.Ordinal) : new Dictionary<string, Queue.DoneOutput>(StringComparer.Ordinal) { [output.PresetName] = pending },
        };
        var result = await encoder.VerifyAndPlaceJoinedAsync(output, context, run, cancellationToken);
        if (result.Status == JobStatus.Succeeded)
        {
            RemoveChunks(ChunkEncoder.FolderFor(settings.OutputDirectory, input.OutputName, output.PresetName));
        }

        // The join's own CPU time only: each chunk job reports its encode's, and the metrics add them up.
        return result;
    }

    private static string SeamLine(SeamReport report) => string.Create(
        CultureInfo.InvariantCulture,
        $"# join check: {report.Frames} frames (source {report.SourceFrames}), {report.Duration:0.###} s (source {report.SourceDuration:0.###} s), seam SSIM {string.Join(", ", report.SeamSsims.Select(s => s?.ToString("0.####", CultureInfo.InvariantCulture) ?? "n/a"))}{(report.Problem is null ? "" : "; " + report.Problem)}");

    private static void RemoveChunks(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Hidden and never taken as an input; a later join of the same output replaces its files.
        }
    }

    private JobResult Finish(JobResult result)
    {
        observer.JobFinished(result);
        return result;
    }
}
