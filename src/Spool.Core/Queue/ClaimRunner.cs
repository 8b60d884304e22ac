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
/// Runs one claimed work item to its end and writes every outcome through the store, fenced by the lease tokens.
/// Transient failures are retried in place with exponential backoff and jitter (Polly) while the lease is kept;
/// a lost lease writes nothing; an interruption (Ctrl+C, shutdown) releases the jobs back to the queue.
/// </summary>
internal sealed class ClaimRunner(IJobStore store, IProcessRunner runner, MediaTools tools, IBatchObserver observer, TimeProvider clock, WorkerOptions options)
{
    public async Task RunAsync(WorkClaim claim, CancellationToken stop)
    {
        var snapshot = BatchOptionsSnapshot.FromJson(claim.Batch.OptionsJson);
        var jobs = claim.Jobs.Select(job => new Held(job, job.MaxAttempts)).ToList();

        using var work = CancellationTokenSource.CreateLinkedTokenSource(stop);
        using var stopKeeper = new CancellationTokenSource();
        var keeper = new LeaseKeeper(store, claim.Jobs, options, clock, work);
        var keeping = keeper.RunAsync(stopKeeper.Token);
        try
        {
            await RunRoundsAsync(claim, snapshot, jobs, keeper, work.Token, stop);
        }
        finally
        {
            await stopKeeper.CancelAsync();
            await keeping;
        }

        if (jobs.Any(job => job.Failed) && snapshot.ErrorHandling == ErrorHandling.Stop)
        {
            await store.CancelBatchAsync(claim.Batch.Id, CancellationToken.None);
        }
    }

    private async Task RunRoundsAsync(WorkClaim claim, BatchOptionsSnapshot snapshot, List<Held> jobs, LeaseKeeper keeper, CancellationToken work, CancellationToken stop)
    {
        var retries = jobs.Max(job => job.MaxAttempts - job.Claimed.Attempt);
        var pipeline = retries <= 0 ? ResiliencePipeline<List<Held>>.Empty : new ResiliencePipelineBuilder<List<Held>>()
            .AddRetry(new RetryStrategyOptions<List<Held>>
            {
                MaxRetryAttempts = retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Count: > 0 }),
                OnRetry = async args =>
                {
                    foreach (var job in args.Outcome.Result!)
                    {
                        job.Waiting = await store.BeginRetryWaitAsync(job.Claimed.JobId, job.Claimed.LeaseToken, job.Result!, job.Attempt!, CancellationToken.None);
                    }
                },
            })
            .Build();

        List<Held> retryable = [];
        try
        {
            retryable = await pipeline.ExecuteAsync(async token => await RoundAsync(claim, snapshot, jobs, keeper, token), work);
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested)
        {
            // Stopped while waiting to retry: the waiting jobs end below like any other unfinished job.
        }

        foreach (var job in jobs.Where(job => !job.Done))
        {
            await EndUnfinishedAsync(job, keeper, retryable.Contains(job), stop);
        }
    }

    private async Task<List<Held>> RoundAsync(WorkClaim claim, BatchOptionsSnapshot snapshot, List<Held> jobs, LeaseKeeper keeper, CancellationToken work)
    {
        var pending = jobs.Where(job => !job.Done).ToList();
        foreach (var job in pending.Where(job => job.Waiting))
        {
            job.Waiting = false;
            if (!await store.EndRetryWaitAsync(job.Claimed.JobId, job.Claimed.LeaseToken, CancellationToken.None))
            {
                job.Done = true;
            }

            job.AttemptNumber++;
        }

        pending = pending.Where(job => !job.Done).ToList();
        var presets = pending.Select(job => job.Claimed.Preset).ToHashSet(StringComparer.Ordinal);
        var settings = snapshot.ToSettings(claim.Batch.OutputDirectory, options.MaxConcurrent, options.ProcessorCount, options.CanToneMap);
        settings = settings with
        {
            Presets = settings.Presets.Where(preset => presets.Contains(preset.Name)).ToList(),
            StepsToRun = presets.Where(StepNamesOf.All.Contains).ToHashSet(StringComparer.Ordinal),
        };
        // Every ffmpeg of this work item runs under the batch's --timeout and --stall-timeout: encodes, analysis passes, QC, steps.
        var limited = new LimitedProcessRunner(runner, settings.RunLimits);
        var prober = new Prober(limited, tools.Ffprobe);
        var claimObserver = new ClaimObserver(observer, keeper);
        var validator = new InputValidator(limited, tools.Ffmpeg, tools.Ffprobe);
        using var steps = new MediaStepFactory(limited, tools, settings.Operations, settings.PlanOptions.CanToneMap);
        var preparer = new EncodePreparer(limited, tools.Ffmpeg, settings.Operations, settings.PlanOptions.CanToneMap);
        var encoder = new EncodeRunner(limited, prober, tools, settings, claimObserver, clock);
        var processor = new InputProcessor(prober, validator, encoder, preparer, steps, settings, claimObserver, clock);
        var started = clock.GetUtcNow();
        var results = await RunGuardedAsync(processor, claim, pending, started, work);

        var retryable = new List<Held>();
        foreach (var job in pending)
        {
            var result = results.Single(r => r.Preset == job.Claimed.Preset);
            job.Result = JobRecords.ResultOf(result);
            job.Attempt = JobRecords.AttemptOf(result, job.AttemptNumber, started, clock.GetUtcNow());
            if (result.Status == JobStatus.Cancelled || work.IsCancellationRequested)
            {
                continue;
            }

            if (result.Status == JobStatus.Failed && result.Error!.Category.IsTransient() && job.AttemptNumber < job.MaxAttempts)
            {
                retryable.Add(job);
                continue;
            }

            await CompleteAsync(job, result.Status == JobStatus.Succeeded ? JobState.Succeeded : JobState.Failed);
        }

        return retryable;
    }

    // An exception escaping a work item is broken infrastructure (an output folder that cannot be made, a full
    // disk) or a bug: it fails this item's jobs with a classified error, and the worker goes on with the next.
    private async Task<IReadOnlyList<JobResult>> RunGuardedAsync(InputProcessor processor, WorkClaim claim, List<Held> pending, DateTimeOffset started, CancellationToken work)
    {
        try
        {
            return await processor.RunAsync(new DiscoveredInput(claim.InputPath, claim.OutputName), work);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var error = ExceptionErrors.Classify(exception);
            return pending
                .Select(job => new JobResult(claim.InputPath, job.Claimed.Preset, JobStatus.Failed, null, job.AttemptNumber, started, clock.GetUtcNow(), error, null))
                .ToList();
        }
    }

    private async Task EndUnfinishedAsync(Held job, LeaseKeeper keeper, bool exhausted, CancellationToken stop)
    {
        if (keeper.Lost)
        {
            job.Done = true;
            return;
        }

        if (exhausted && !stop.IsCancellationRequested && !keeper.CancelRequested)
        {
            await CompleteAsync(job, JobState.Failed);
            return;
        }

        if (keeper.CancelRequested && !stop.IsCancellationRequested)
        {
            var error = MediaError.Of(ErrorCategory.Cancelled, "Cancelled by the user while it ran.");
            job.Result = (job.Result ?? JobRecords.Empty) with { Error = error, Output = null };
            job.Attempt ??= new AttemptRecord(job.AttemptNumber, "cancelled", null, null, null, clock.GetUtcNow(), clock.GetUtcNow());
            await CompleteAsync(job, JobState.Cancelled);
            return;
        }

        // Interrupted (Ctrl+C, SIGTERM, shutdown): back to the queue, not counted as an attempt.
        job.Done = true;
        await store.ReleaseAsync(job.Claimed.JobId, job.Claimed.LeaseToken, "the worker was stopped", CancellationToken.None);
    }

    private async Task CompleteAsync(Held job, JobState state)
    {
        job.Done = true;
        job.Failed = state == JobState.Failed;
        var attempt = job.Attempt! with { Outcome = state.ToWireName() };
        await store.CompleteAsync(job.Claimed.JobId, job.Claimed.LeaseToken, new JobCompletion(state, job.Result!, attempt), CancellationToken.None);
    }

    /// <summary>A claimed job as this runner tracks it across attempts.</summary>
    private sealed class Held(ClaimedJob claimed, int maxAttempts)
    {
        public ClaimedJob Claimed { get; } = claimed;

        public int MaxAttempts { get; } = maxAttempts;

        public int AttemptNumber { get; set; } = claimed.Attempt;

        public bool Done { get; set; }

        public bool Waiting { get; set; }

        public bool Failed { get; set; }

        public JobResultRecord? Result { get; set; }

        public AttemptRecord? Attempt { get; set; }
    }
}
