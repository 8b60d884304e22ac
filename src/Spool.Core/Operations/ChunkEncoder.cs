using System.Globalization;
using Spool.Core.Chunking;
using Spool.Core.Planning;
using Spool.Core.Queue;
using Spool.Media.Commands;
using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Operations;

/// <summary>
/// Runs one chunk job: the chunk's part of its output's video, encoded exactly as the whole output would be (the
/// same plan), to a partial named after the chunk job's lease, placed (fenced) in the output's hidden chunk folder
/// and committed at once. A crash loses this chunk only: finished chunks are never claimed again.
/// </summary>
internal sealed class ChunkEncoder(IProcessRunner runner, Prober prober, MediaTools tools, BatchSettings settings, IBatchObserver observer, TimeProvider clock, IWorkFence fence)
{
    /// <summary>"/out/clip/video/.chunks-clip_web_optimized": hidden, so it is never mistaken for an output or an input.</summary>
    public static string FolderFor(string outputDirectory, string outputName, string preset) =>
        Path.Combine(outputDirectory, outputName, "video", $".chunks-{Path.GetFileName(outputName)}_{preset}");

    public static string FileFor(string folder, int index) =>
        Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"chunk-{index:D4}.mp4"));

    public async Task<JobResult> RunAsync(WorkClaim claim, ClaimedJob job, ProbeCapture? submitted, CancellationToken cancellationToken)
    {
        var chunk = job.Chunk!;
        var started = clock.GetUtcNow();
        var stem = Path.GetFileName(claim.OutputName);
        var log = new JobLog(Path.Combine(settings.OutputDirectory, claim.OutputName, "metadata"), stem);
        var folder = FolderFor(settings.OutputDirectory, claim.OutputName, chunk.Of);
        fence.RemoveStalePartials(folder);
        observer.WorkStarted(claim.InputPath, [job.Preset]);
        JobResult Failed(MediaError error, ProcessResult? run = null) =>
            new(claim.InputPath, job.Preset, error.Category == ErrorCategory.Cancelled ? JobStatus.Cancelled : JobStatus.Failed, null, job.Attempt, started, clock.GetUtcNow(), error, null)
            {
                LogPath = log.PathFor(job.Preset),
                CommandLine = run?.CommandLine,
                ExitCode = run?.ExitCode,
                StderrTail = run?.StderrTail(),
                Chunk = chunk,
            };

        if (await prober.ProbeAsync(claim.InputPath, submitted, cancellationToken) is not ProbeOutcome.Probed { Media: var media })
        {
            return Finish(Failed(MediaError.Of(ErrorCategory.InputCorrupt, "The input could not be probed again to encode its chunk.")));
        }

        var preset = settings.Presets.FirstOrDefault(p => p.Name == chunk.Of);
        var options = settings.PlanOptions with { ThreadsPerJob = settings.ThreadsPerJob };
        if (preset is null || WorkPlanner.Plan(media, [preset], options, new OutputTarget(Path.Combine(settings.OutputDirectory, claim.OutputName), stem)) is not PlanOutcome.Planned { Plan: var plan }
            || !ChunkCommands.CanChunk(plan.Separate[0]))
        {
            return Finish(Failed(MediaError.Of(ErrorCategory.Internal, $"The output of {chunk.Of} can no longer be encoded in chunks (its plan changed since the batch was submitted).")));
        }

        // A rerun whose joined output is up to date encodes no chunk: each chunk job ends at once, and so does the join.
        var knownTiming = media.PrimaryVideo?.FrameRate is not null;
        var upToDate = new UpToDate(prober, fence, settings);
        if ((await upToDate.CheckOneAsync(claim.InputPath, plan, knownTiming ? media.TimelineDuration : null, cancellationToken)).Done)
        {
            await log.AppendAsync([job.Preset], UpToDate.SkipLine(plan.Outputs[0].FinalPath, $"chunk {chunk.Index} of {chunk.Count} is not encoded"));
            return Finish(new JobResult(claim.InputPath, job.Preset, JobStatus.Skipped, null, job.Attempt, started, clock.GetUtcNow(), null, null)
            {
                LogPath = log.PathFor(job.Preset),
                Chunk = chunk,
                Reason = UpToDate.Reason,
            });
        }

        var final = FileFor(folder, chunk.Index);
        var placer = fence.PlacerFor(job.Preset);
        var partial = placer.PartialFor(final);
        Directory.CreateDirectory(folder);
        var command = ChunkCommands.Chunk(plan.Separate[0], new ChunkSpan(chunk.Index, chunk.Start, chunk.End), partial);
        var request = new ProcessRequest(tools.Ffmpeg, FfmpegCommandRenderer.Render(command))
        {
            ParsesProgress = true,
            Timeout = settings.Timeout,
            StallTimeout = settings.StallTimeout,
        };
        var length = (chunk.End ?? media.EffectiveDuration ?? chunk.Start) - chunk.Start;
        var progress = new ProgressRelay(p => observer.WorkProgress(claim.InputPath, p, length > 0 ? Math.Clamp(p.OutTime.TotalSeconds / length * 100, 0, 100) : null));
        ProcessResult run;
        try
        {
            run = await runner.RunAsync(request, progress, cancellationToken);
        }
        catch
        {
            placer.Discard(partial);
            throw;
        }

        await log.AppendRunAsync([job.Preset], $"chunk {chunk.Index} of {chunk.Count} of {chunk.Of}", run);
        if (!run.Succeeded)
        {
            placer.Discard(partial);
            return Finish(Failed(ErrorClassifier.Classify(run), run));
        }

        if (await prober.ProbeAsync(partial, CancellationToken.None) is not ProbeOutcome.Probed { Media.PrimaryVideo: not null })
        {
            placer.Discard(partial);
            return Finish(Failed(MediaError.Of(ErrorCategory.FfmpegFailed, "ffmpeg finished, but the chunk it wrote has no readable video."), run));
        }

        var placed = await placer.PlaceFileAsync(partial, final, CancellationToken.None);
        if (placed.Error is { } unplaced)
        {
            return Finish(Failed(unplaced, run));
        }

        var succeeded = new JobResult(claim.InputPath, job.Preset, JobStatus.Succeeded, final, job.Attempt, started, clock.GetUtcNow(), null, null)
        {
            LogPath = log.PathFor(job.Preset),
            InputBytes = FileSizes.Of(claim.InputPath),
            OutputBytes = FileSizes.Of(final),
            SourceDurationSeconds = length,
            CommandLine = run.CommandLine,
            ExitCode = run.ExitCode,
            CpuSeconds = run.CpuTime is { } cpu ? Math.Round(cpu.TotalSeconds, 3) : null,
            PeakMemoryBytes = run.PeakMemoryBytes,
            Chunk = chunk,
        };
        await fence.CommitAsync(succeeded);
        return Finish(succeeded);
    }

    private JobResult Finish(JobResult result)
    {
        observer.JobFinished(result);
        return result;
    }
}
