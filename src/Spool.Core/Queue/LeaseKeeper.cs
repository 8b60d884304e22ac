using Spool.Core.Storage;

namespace Spool.Core.Queue;

/// <summary>
/// Keeps a claim's leases: a heartbeat every <see cref="WorkerOptions.HeartbeatInterval"/> (sooner when there is new
/// progress to show), carrying progress and bringing back cancellation. When a lease is lost, the user cancels, or the
/// lease cannot be renewed before it would expire, it cancels the work so ffmpeg stops and nothing is written.
/// </summary>
internal sealed class LeaseKeeper(IJobStore store, IReadOnlyList<ClaimedJob> jobs, WorkerOptions options, TimeProvider clock, CancellationTokenSource work)
{
    private JobProgressRecord? _progress;
    private volatile bool _lost;
    private volatile bool _cancelRequested;

    public bool Lost => _lost;

    public bool CancelRequested => _cancelRequested;

    public void Report(JobProgressRecord progress) => Volatile.Write(ref _progress, progress);

    public async Task RunAsync(CancellationToken stop)
    {
        var lastRenewed = clock.GetTimestamp();
        var lastBeat = clock.GetTimestamp();
        JobProgressRecord? written = null;
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
            if (clock.GetElapsedTime(lastBeat) < options.HeartbeatInterval && Equals(progress, written))
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

    private async Task BeatAsync(JobProgressRecord? progress, CancellationToken stop)
    {
        foreach (var job in jobs)
        {
            var status = await store.HeartbeatAsync(job.JobId, job.LeaseToken, options.Lease, progress, stop);
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
