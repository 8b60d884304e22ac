using System.Collections.Immutable;
using Spool.Core.Operations;
using Spool.Core.Storage;

namespace Spool.Core.Queue;

/// <summary>
/// Keeps a claim's leases: a heartbeat every <see cref="WorkerOptions.HeartbeatInterval"/> (sooner when there is new
/// progress to show), carrying each job's own progress and bringing back cancellation. When a lease is lost, the user cancels, or the
/// lease cannot be renewed before it would expire, it cancels the work so ffmpeg stops and nothing is written.
/// </summary>
internal sealed class LeaseKeeper(IJobStore store, IReadOnlyList<ClaimedJob> jobs, WorkerOptions options, TimeProvider clock, CancellationTokenSource work)
{
    // By job name (preset or step): swapped whole, so a beat writes one consistent picture and sees when it changed.
    private static readonly ImmutableDictionary<string, JobProgressRecord> NoProgress = ImmutableDictionary.Create<string, JobProgressRecord>(StringComparer.Ordinal);
    private ImmutableDictionary<string, JobProgressRecord> _progress = NoProgress;
    private volatile bool _lost;
    private volatile bool _cancelRequested;

    public bool Lost => _lost;

    public bool CancelRequested => _cancelRequested;

    /// <summary>The encode's progress: every encode job of the work item shows it; its steps do not.</summary>
    public void Report(JobProgressRecord progress) =>
        ImmutableInterlocked.Update(ref _progress, shown => shown.SetItems(jobs
            .Where(job => !StepNamesOf.All.Contains(job.Preset))
            .Select(job => KeyValuePair.Create(job.Preset, progress))));

    /// <summary>One job's own progress (a step's).</summary>
    public void Report(string job, JobProgressRecord progress) => ImmutableInterlocked.Update(ref _progress, shown => shown.SetItem(job, progress));

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
                // The store is unreachable: keep trying, but never run past the lease we could not renew.
                if (clock.GetElapsedTime(lastRenewed) >= options.Lease)
                {
                    _lost = true;
                    await work.CancelAsync();
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

    private async Task BeatAsync(ImmutableDictionary<string, JobProgressRecord> progress, CancellationToken stop)
    {
        foreach (var job in jobs)
        {
            var status = await store.HeartbeatAsync(job.JobId, job.LeaseToken, options.Lease, progress.GetValueOrDefault(job.Preset), stop);
            if (status == LeaseStatus.Lost)
            {
                _lost = true;
            }
            else if (status == LeaseStatus.CancelRequested)
            {
                _cancelRequested = true;
            }
        }
    }
}
