using Polly;
using Polly.Retry;
using Spool.Core.Discovery;
using Spool.Core.Operations;
using Spool.Core.Storage;
using Spool.Core.Validation;
using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Queue;

/// <summary>
/// Runs one claimed work item to its end and writes every outcome through the store, fenced by the lease tokens. Each
/// job is committed the moment its output is placed; transient failures are retried in place with exponential backoff
/// and jitter (Polly) while the lease is kept; a lost lease writes and places nothing; an interruption (Ctrl+C,
/// shutdown) releases the unfinished jobs back to the queue; a fault fails them with a classified error.
/// </summary>
internal sealed class ClaimRunner(IJobStore store, IProcessRunner runner, MediaTools tools, IBatchObserver observer, TimeProvider clock, WorkerOptions options)
{
    /// <param name="claim">The work item.</param>
    /// <param name="sharing">How many work items share the cores while it runs: its ffmpeg threads are the cores over this.</param>
    /// <param name="stop">Stops the work (Ctrl+C, SIGTERM).</param>
    public async Task RunAsync(WorkClaim claim, int sharing, CancellationToken stop)
    {
        var snapshot = BatchOptionsSnapshot.FromJson(claim.Batch.OptionsJson);
        using var work = CancellationTokenSource.CreateLinkedTokenSource(stop);
        using var stopKeeper = new CancellationTokenSource();
        var keeper = new LeaseKeeper(store, claim.Jobs, options, clock, work);
        var jobs = new ClaimJobs(store, keeper, observer, clock, claim.Jobs);
        var keeping = keeper.RunAsync(stopKeeper.Token);
        try
        {
            await RunRoundsAsync(claim, snapshot, sharing, jobs, keeper, work.Token, stop);
        }
        catch (Exception fault)
        {
            // Never dropped: whatever escaped, the unfinished jobs are failed (or released when stopping) and logged.
            if (fault is not OperationCanceledException)
            {
                observer.Warning($"the work item for {claim.InputPath} faulted ({fault.GetType().Name}: {fault.Message})");
            }

            await jobs.AbandonAsync(fault, stop.IsCancellationRequested || fault is OperationCanceledException, claim.InputPath, claim.Batch.OutputDirectory);
        }
        finally
        {
            await stopKeeper.CancelAsync();
            await keeping;
        }

        if (jobs.All.Any(job => job.Failed) && snapshot.ErrorHandling == ErrorHandling.Stop)
        {
            await store.CancelBatchAsync(claim.Batch.Id, CancellationToken.None);
        }
    }

    private async Task RunRoundsAsync(WorkClaim claim, BatchOptionsSnapshot snapshot, int sharing, ClaimJobs jobs, LeaseKeeper keeper, CancellationToken work, CancellationToken stop)
    {
        var retries = jobs.All.Max(job => job.MaxAttempts - job.Claimed.Attempt);
        var pipeline = retries <= 0 ? ResiliencePipeline<List<HeldJob>>.Empty : new ResiliencePipelineBuilder<List<HeldJob>>()
            .AddRetry(new RetryStrategyOptions<List<HeldJob>>
            {
                MaxRetryAttempts = retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Count: > 0 } && !keeper.Lost),
                OnRetry = async args =>
                {
                    foreach (var job in args.Outcome.Result!)
                    {
                        job.Waiting = await jobs.BeginRetryWaitAsync(job);
                        job.Done |= !job.Waiting;
                    }
                },
            })
            .Build();

        List<HeldJob> retryable = [];
        try
        {
            retryable = await pipeline.ExecuteAsync(async token => await RoundAsync(claim, snapshot, sharing, jobs, keeper, token), work);
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested)
        {
            // Stopped while waiting to retry: the waiting jobs end below like any other unfinished job.
        }

        foreach (var job in jobs.Unfinished.ToList())
        {
            await EndUnfinishedAsync(job, jobs, keeper, retryable.Contains(job), stop);
        }
    }

    private async Task<List<HeldJob>> RoundAsync(WorkClaim claim, BatchOptionsSnapshot snapshot, int sharing, ClaimJobs jobs, LeaseKeeper keeper, CancellationToken work)
    {
        foreach (var job in jobs.Unfinished.Where(job => job.Waiting).ToList())
        {
            job.Waiting = false;
            if (!await jobs.EndRetryWaitAsync(job))
            {
                job.Done = true;
            }

            job.AttemptNumber++;
        }

        // A retry whose lease is gone runs nothing: the job belongs to another worker now.
        var pending = jobs.Unfinished.ToList();
        if (pending.Count == 0 || keeper.Lost)
        {
            return [];
        }

        // A chunk is claimed alone; an output with chunks is joined from them, never encoded whole (see ChunkJoiner).
        var chunks = pending is [{ Claimed.Chunk: null }, ..]
            ? (await store.GetInputJobsAsync(claim.Batch.Id, claim.InputIndex, work)).Where(job => job.Chunk is not null).ToList()
            : [];
        var joined = pending.Select(job => job.Claimed.Preset).Where(name => chunks.Any(chunk => chunk.Chunk!.Of == name)).ToList();
        var presets = pending.Select(job => job.Claimed.Preset).Except(joined).ToHashSet(StringComparer.Ordinal);
        var all = snapshot.ToSettings(claim.Batch.OutputDirectory, sharing, options.ProcessorCount, options.CanToneMap, options.Hardware);
        var settings = all with
        {
            Presets = all.Presets.Where(preset => presets.Contains(preset.Name)).ToList(),
            StepsToRun = presets.Where(StepNamesOf.All.Contains).ToHashSet(StringComparer.Ordinal),
        };
        // Every ffmpeg of this work item runs under the batch's --timeout and --stall-timeout: encodes, analysis passes, QC, steps.
        var limited = new LimitedProcessRunner(runner, settings.RunLimits);
        var prober = new Prober(limited, tools.Ffprobe);
        var claimObserver = new ClaimObserver(observer, keeper);
        var validator = new InputValidator(limited, tools.Ffmpeg, tools.Ffprobe);
        using var steps = new MediaStepFactory(limited, tools, settings.Operations, settings.PlanOptions.CanToneMap);
        var preparer = new EncodePreparer(limited, tools.Ffmpeg, settings.Operations, settings.PlanOptions.CanToneMap);
        var encoder = new EncodeRunner(limited, prober, tools, settings, claimObserver, clock, jobs);
        var processor = new InputProcessor(prober, validator, encoder, preparer, steps, settings, claimObserver, clock, jobs);
        var started = clock.GetUtcNow();
        jobs.RoundStarted = started;
        var results = await RunGuardedAsync(
            async () =>
            {
                // One probe per input: the one taken at submit, while the input is as it was then (see Prober).
                var submitted = await store.GetInputProbeAsync(claim.Batch.Id, claim.InputIndex, work);
                if (pending is [{ Claimed.Chunk: not null } chunk])
                {
                    var chunkSettings = all with { Presets = all.Presets.Where(preset => preset.Name == chunk.Claimed.Chunk.Of).ToList() };
                    return [await new ChunkEncoder(limited, prober, tools, chunkSettings, claimObserver, clock, jobs).RunAsync(claim, chunk.Claimed with { Attempt = chunk.AttemptNumber }, submitted, work)];
                }

                var input = new DiscoveredInput(claim.InputPath, claim.OutputName);
                var done = new List<JobResult>();
                var joinSettings = all with { Presets = all.Presets.Where(preset => joined.Contains(preset.Name)).ToList() };
                var joiner = new ChunkJoiner(limited, prober, tools, joinSettings, new EncodeRunner(limited, prober, tools, joinSettings, claimObserver, clock, jobs), claimObserver, clock, jobs);
                foreach (var name in joined)
                {
                    done.Add(await joiner.RunAsync(input, name, chunks.Where(job => job.Chunk!.Of == name).ToList(), submitted, work));
                }

                if (settings.Presets.Count > 0 || settings.StepsToRun.Count > 0)
                {
                    done.AddRange(await processor.RunAsync(input, submitted, work));
                }

                return done;
            },
            claim,
            pending,
            started);

        var retryable = new List<HeldJob>();
        foreach (var job in pending.Where(job => !job.Done))
        {
            var result = results.Single(r => r.Preset == job.Claimed.Preset);
            job.Result = JobRecords.ResultOf(result);
            job.Attempt = JobRecords.AttemptOf(result, job.AttemptNumber, started, clock.GetUtcNow());
            if (result.Status == JobStatus.Cancelled || work.IsCancellationRequested || keeper.Lost)
            {
                continue;
            }

            if (result.Status == JobStatus.Failed && result.Error!.Category.IsTransient() && job.AttemptNumber < job.MaxAttempts)
            {
                retryable.Add(job);
                continue;
            }

            await jobs.CompleteAsync(job, result.Status switch
            {
                JobStatus.Succeeded => JobState.Succeeded,
                JobStatus.Skipped => JobState.Skipped,
                _ => JobState.Failed,
            });
        }

        return retryable;
    }

    // An exception escaping a work item is broken infrastructure (an output folder that cannot be made, a full
    // disk) or a bug: it fails this item's jobs with a classified error, and the worker goes on with the next.
    private async Task<IReadOnlyList<JobResult>> RunGuardedAsync(Func<Task<IReadOnlyList<JobResult>>> run, WorkClaim claim, List<HeldJob> pending, DateTimeOffset started)
    {
        try
        {
            return await run();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var error = ExceptionErrors.Classify(exception, claim.InputPath, claim.Batch.OutputDirectory);
            observer.Warning($"the work item for {claim.InputPath} threw {exception.GetType().Name}: {exception.Message}");
            return pending
                .Select(job => new JobResult(claim.InputPath, job.Claimed.Preset, JobStatus.Failed, null, job.AttemptNumber, started, clock.GetUtcNow(), error, null))
                .ToList();
        }
    }

    private async Task EndUnfinishedAsync(HeldJob job, ClaimJobs jobs, LeaseKeeper keeper, bool exhausted, CancellationToken stop)
    {
        if (keeper.Lost)
        {
            // Not ours any more: no write would count, and none is tried.
            job.Done = true;
            return;
        }

        if (exhausted && !stop.IsCancellationRequested && !keeper.CancelRequested)
        {
            await jobs.CompleteAsync(job, JobState.Failed);
            return;
        }

        if (keeper.CancelRequested && !stop.IsCancellationRequested)
        {
            var error = MediaError.Of(ErrorCategory.Cancelled, "Cancelled by the user while it ran.");
            job.Result = (job.Result ?? JobRecords.Empty) with { Error = error, Output = null };
            job.Attempt ??= new AttemptRecord(job.AttemptNumber, "cancelled", null, null, null, clock.GetUtcNow(), clock.GetUtcNow());
            await jobs.CompleteAsync(job, JobState.Cancelled);
            return;
        }

        // Interrupted (Ctrl+C, SIGTERM, shutdown): back to the queue, not counted as an attempt.
        await jobs.ReleaseAsync(job, "the worker was stopped");
    }
}
