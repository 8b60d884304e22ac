using System.Collections.Immutable;
using Spool.Core.Operations;
using Spool.Core.Storage;

namespace Spool.Core.Queue;

/// <summary>
/// Keeps a claim's leases: a heartbeat every <see cref="WorkerOptions.HeartbeatInterval"/> (sooner when there is new
/// progress to show), carrying each job's own progress and bringing back cancellation. When a lease is lost, the user
/// cancels, or the lease could not be renewed and is within a heartbeat of running out, it cancels the work so ffmpeg
/// stops and nothing is placed: the keeper gives up before the lease ends, never after, so no other worker can hold the
/// job meanwhile. Jobs already committed are forgotten: their leases ended with their commit.
/// </summary>
internal sealed class LeaseKeeper(IJobStore store, IReadOnlyList<ClaimedJob> jobs, WorkerOptions options, TimeProvider clock, CancellationTokenSource work)
{
    // By job name (preset or step): swapped whole, so a beat writes one consistent picture and sees when it changed.
    private static readonly ImmutableDictionary<string, JobProgressRecord> NoProgress = ImmutableDictionary.Create<string, JobProgressRecord>(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly HashSet<long> _forgotten = [];
    private ImmutableDictionary<string, JobProgressRecord> _progress = NoProgress;
    private volatile bool _lost;
    private volatile bool _cancelRequested;

    public bool Lost => _lost;

    public bool CancelRequested => _cancelRequested;

    /// <summary>How long before its end a lease that cannot be renewed is given up.</summary>
    public TimeSpan SafetyMargin => options.HeartbeatInterval;

    /// <summary>The encode's progress: every encode job of the work item shows it; its steps do not.</summary>
    public void Report(JobProgressRecord progress) =>
        ImmutableInterlocked.Update(ref _progress, shown => shown.SetItems(jobs
            .Where(job => !StepNamesOf.All.Contains(job.Preset))
            .Select(job => KeyValuePair.Create(job.Preset, progress))));

    /// <summary>One job's own progress (a step's).</summary>
    public void Report(string job, JobProgressRecord progress) => ImmutableInterlocked.Update(ref _progress, shown => shown.SetItem(job, progress));

    public void Forget(long jobId)
    {
        lock (_gate)
        {
            _forgotten.Add(jobId);
        }
    }

    /// <summary>
    /// The fenced check before a rename: renews <paramref name="job"/>'s lease now. False (and the work stops) when the
    /// store says another worker holds it, or cannot be asked: an unverified lease places nothing.
    /// </summary>
    public async Task<bool> HoldsAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (_lost)
        {
            return false;
        }

        try
        {
            var status = await store.HeartbeatAsync(job.JobId, job.LeaseToken, options.Lease, null, CancellationToken.None);
            if (status == LeaseStatus.Lost)
            {
                await LoseAsync();
                return false;
            }

            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await LoseAsync();
            return false;
        }
    }

    public async Task RunAsync(CancellationToken stop)
    {
        var lastRenewed = clock.GetTimestamp();
        var lastBeat = clock.GetTimestamp();
        var written = NoProgress;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.ProgressInterval, clock, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var progress = Volatile.Read(ref _progress);
            if (clock.GetElapsedTime(lastBeat) < options.HeartbeatInterval && ReferenceEquals(progress, written))
            {
                continue;
            }

            lastBeat = clock.GetTimestamp();
            try
            {
                await BeatAsync(progress, stop);
                written = progress;
                lastRenewed = clock.GetTimestamp();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The store is unreachable: keep trying, but stop the work while the lease we could not renew still
                // has a safety margin left, so that nothing runs on once another worker may take the job.
                if (clock.GetElapsedTime(lastRenewed) >= options.Lease - SafetyMargin)
                {
                    await LoseAsync();
                    return;
                }
            }

            if (_lost || _cancelRequested)
            {
                await work.CancelAsync();
                return;
            }
        }
    }

    private async Task LoseAsync()
    {
        _lost = true;
        await work.CancelAsync();
    }

    private async Task BeatAsync(ImmutableDictionary<string, JobProgressRecord> progress, CancellationToken stop)
    {
        List<ClaimedJob> held;
        lock (_gate)
        {
            held = jobs.Where(job => !_forgotten.Contains(job.JobId)).ToList();
        }

        foreach (var job in held)
        {
            var status = await store.HeartbeatAsync(job.JobId, job.LeaseToken, options.Lease, progress.GetValueOrDefault(job.Preset), stop);
            if (status == LeaseStatus.Lost)
            {
                lock (_gate)
                {
                    // Committed while this beat was on its way: not a lost lease.
                    if (_forgotten.Contains(job.JobId))
                    {
                        continue;
                    }
                }

                _lost = true;
            }
            else if (status == LeaseStatus.CancelRequested)
            {
                _cancelRequested = true;
            }
        }
    }
}
