using Spool.Core.Operations;
using Spool.Core.Placement;
using Spool.Core.Storage;
using Spool.Media.Errors;

namespace Spool.Core.Queue;

/// <summary>
/// The jobs of one claim as their worker tracks them, and every fenced write made about them: commits the moment an
/// output is placed (<see cref="IWorkFence"/>), completions, retry waits and releases. A write the store refuses
/// means another worker holds the job now; it is logged with the job and the token, never thrown.
/// </summary>
internal sealed class ClaimJobs(IJobStore store, LeaseKeeper keeper, IBatchObserver observer, TimeProvider clock, IReadOnlyList<ClaimedJob> claimed) : IWorkFence
{
    private readonly Dictionary<string, HeldJob> _byName = claimed.ToDictionary(job => job.Preset, job => new HeldJob(job), StringComparer.Ordinal);

    public IReadOnlyCollection<HeldJob> All => _byName.Values;

    public IEnumerable<HeldJob> Unfinished => _byName.Values.Where(job => !job.Done);

    /// <summary>When the current round of attempts began: the start of the attempts committed during it.</summary>
    public DateTimeOffset RoundStarted { get; set; }

    public FilePlacer PlacerFor(string jobName) => new(new JobLease(keeper, _byName[jobName].Claimed));

    public void RemoveStalePartials(string inputFolder) =>
        StalePartials.Remove(inputFolder, _byName.Values.ToDictionary(job => job.Claimed.JobId, job => job.Claimed.LeaseToken));

    public async Task CommitAsync(JobResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var job = _byName[result.Preset];
        lock (job)
        {
            if (job.Done)
            {
                return;
            }

            job.Done = true;
        }

        job.Result = JobRecords.ResultOf(result);
        job.Attempt = JobRecords.AttemptOf(result, job.AttemptNumber, RoundStarted, clock.GetUtcNow());
        bool written;
        try
        {
            written = await WriteCompletionAsync(job, JobState.Succeeded);
            keeper.Forget(job.Claimed.JobId);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The output is placed; recording it is tried again when the work item ends, with the same result.
            job.Done = false;
            observer.Warning($"job {job.Claimed.JobId} ({job.Claimed.Preset}, lease token {job.Claimed.LeaseToken}): its success could not be recorded yet ({error.GetType().Name}: {error.Message}); trying again when its work item ends.");
            return;
        }

        if (written)
        {
            await RecordMadeAsync(result);
        }
    }

    public Task<DoneOutput?> FindDoneOutputAsync(string inputPath, string preset, string outputPath, CancellationToken cancellationToken) =>
        store.FindDoneOutputAsync(inputPath, preset, outputPath, cancellationToken);

    // Only a success the store accepted is worth skipping later; a record that cannot be written costs a redo, nothing else.
    private async Task RecordMadeAsync(JobResult result)
    {
        if (result.Made is not { } made)
        {
            return;
        }

        try
        {
            await store.RecordDoneOutputAsync(made, CancellationToken.None);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            observer.Warning($"{result.Preset} of {result.Input}: the record that its output is done could not be written ({error.GetType().Name}: {error.Message}); a later run will redo it.");
        }
    }

    /// <summary>A terminal state for the job; when the store throws, the job stays unfinished so the fault handling sees it.</summary>
    public async Task CompleteAsync(HeldJob job, JobState state)
    {
        job.Failed = state == JobState.Failed;
        await WriteCompletionAsync(job, state);
        job.Done = true;
        keeper.Forget(job.Claimed.JobId);
    }

    public async Task ReleaseAsync(HeldJob job, string reason)
    {
        if (!await store.ReleaseAsync(job.Claimed.JobId, job.Claimed.LeaseToken, reason, CancellationToken.None))
        {
            Refused(job, "release");
        }

        job.Done = true;
        keeper.Forget(job.Claimed.JobId);
    }

    public async Task<bool> BeginRetryWaitAsync(HeldJob job)
    {
        var written = await store.BeginRetryWaitAsync(job.Claimed.JobId, job.Claimed.LeaseToken, job.Result!, job.Attempt!, CancellationToken.None);
        if (!written)
        {
            Refused(job, "retry wait");
        }

        return written;
    }

    public async Task<bool> EndRetryWaitAsync(HeldJob job)
    {
        var written = await store.EndRetryWaitAsync(job.Claimed.JobId, job.Claimed.LeaseToken, CancellationToken.None);
        if (!written)
        {
            Refused(job, "end of the retry wait");
        }

        return written;
    }

    /// <summary>A work item that faulted: its unfinished jobs fail with the classified error, or go back to the queue when stopped.</summary>
    public async Task AbandonAsync(Exception fault, bool stopping, string inputPath, string outputDirectory)
    {
        var error = ExceptionErrors.Classify(fault, inputPath, outputDirectory);
        foreach (var job in Unfinished.ToList())
        {
            observer.Warning($"job {job.Claimed.JobId} ({job.Claimed.Preset}, lease token {job.Claimed.LeaseToken}): its work item faulted: {error.Category.ToWireName()}: {error.Message}");
            try
            {
                if (stopping || keeper.Lost)
                {
                    await ReleaseAsync(job, "the worker was stopped after a fault");
                    continue;
                }

                if (job.Result is { Error: null, Output: not null } && job.Attempt is not null)
                {
                    // Its output was placed before the fault: recording that is all that was missing.
                    await CompleteAsync(job, JobState.Succeeded);
                    continue;
                }

                // A job whose own outcome was known keeps it (the fault came after); otherwise the fault is its error.
                var known = job.Result is { Error: not null } ? job.Result : null;
                job.Result = known ?? (job.Result ?? JobRecords.Empty) with { Error = error, Output = null };
                job.Attempt = known is not null && job.Attempt is not null
                    ? job.Attempt
                    : new AttemptRecord(job.AttemptNumber, "failed", null, null, null, RoundStarted, clock.GetUtcNow());
                await CompleteAsync(job, JobState.Failed);
            }
            catch (Exception again) when (again is not OperationCanceledException)
            {
                // The store itself fails: the lease runs out and the rescue hands the job on; nothing is lost.
                observer.Warning($"job {job.Claimed.JobId} (lease token {job.Claimed.LeaseToken}) could not be recorded ({again.GetType().Name}: {again.Message}); its lease will expire and the job will be rescued.");
            }
        }
    }

    private async Task<bool> WriteCompletionAsync(HeldJob job, JobState state)
    {
        var attempt = job.Attempt! with { Outcome = state.ToWireName() };
        if (!await store.CompleteAsync(job.Claimed.JobId, job.Claimed.LeaseToken, new JobCompletion(state, job.Result!, attempt), CancellationToken.None))
        {
            Refused(job, $"completion ({state.ToWireName()})");
            return false;
        }

        return true;
    }

    // Hangfire logs "fetched by another worker" for the same event: the acknowledgement did not count.
    private void Refused(HeldJob job, string write) => observer.Warning(
        $"job {job.Claimed.JobId} ({job.Claimed.Preset}): the store refused the {write} with lease token {job.Claimed.LeaseToken}; another worker holds the job now, so this worker's result was dropped.");

    /// <summary>One job's lease as a placement fence: a heartbeat (a fenced store call) right before each rename.</summary>
    private sealed class JobLease(LeaseKeeper keeper, ClaimedJob job) : IPlacementFence
    {
        public string Tag => StalePartials.TagOf(job.JobId, job.LeaseToken);

        public Task<bool> HoldsAsync(CancellationToken cancellationToken) => keeper.HoldsAsync(job, cancellationToken);
    }
}

/// <summary>A claimed job as its worker tracks it across attempts.</summary>
internal sealed class HeldJob(ClaimedJob claimed)
{
    public ClaimedJob Claimed { get; } = claimed;

    public int MaxAttempts => Claimed.MaxAttempts;

    public int AttemptNumber { get; set; } = claimed.Attempt;

    public bool Done { get; set; }

    public bool Waiting { get; set; }

    public bool Failed { get; set; }

    public JobResultRecord? Result { get; set; }

    public AttemptRecord? Attempt { get; set; }
}
