using Spool.Core.Operations;
using Spool.Core.Reporting;
using Spool.Core.Storage;
using Spool.Media.Processes;

namespace Spool.Core.Queue;

/// <summary>
/// Claims work items from the store and runs up to MaxConcurrent of them at once, each holding its leases.
/// Before claiming it rescues leases whose holders died, so nothing stays "running" that is not. Whoever finishes
/// the last job of a batch writes that batch's summary files.
/// </summary>
public sealed class WorkerPool(IJobStore store, IProcessRunner runner, MediaTools tools, IBatchObserver observer, TimeProvider clock, LeaseHolder holder)
{
    private static readonly TimeSpan RescueEvery = TimeSpan.FromSeconds(5);

    /// <summary>Runs until drained (when <see cref="WorkerOptions.Drain"/>) or stopped; returns the batches it finished.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(WorkerOptions options, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(options);
        var claims = new ClaimRunner(store, runner, tools, observer, clock, options);
        var admission = new ResourceAdmission(options.Sampler);
        var running = new List<Task>();
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var finished = new List<string>();
        var lastRescue = long.MinValue;

        while (!stop.IsCancellationRequested)
        {
            running.RemoveAll(task => task.IsCompleted);
            if (lastRescue == long.MinValue || clock.GetElapsedTime(lastRescue) >= RescueEvery)
            {
                await RescueAsync(stop);
                lastRescue = clock.GetTimestamp();
            }

            WorkClaim? claim = null;
            if (running.Count < Math.Max(1, options.MaxConcurrent) && await MeasureAsync(admission, running.Count, stop) is { } load)
            {
                // The batch's own limits (max_concurrent, thresholds against this load) are the claim's to enforce.
                claim = await store.ClaimNextAsync(holder, options.Lease, options.BatchId, load, stop);
                if (claim is not null)
                {
                    touched.Add(claim.Batch.Id);
                    running.Add(RunClaimAsync(claims, claim, finished, stop));
                    continue;
                }
            }

            if (claim is null && running.Count == 0 && options.Drain)
            {
                break;
            }

            await WaitAsync(running, options.PollInterval, stop);
        }

        await Task.WhenAll(running);
        foreach (var batchId in touched)
        {
            await FinishAsync(batchId, finished);
        }

        return finished;
    }

    // Stopping while the sampler waits out its window ends the loop like any other stop.
    private static async Task<MachineLoad?> MeasureAsync(ResourceAdmission admission, int running, CancellationToken stop)
    {
        try
        {
            return await admission.MeasureAsync(running, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task RunClaimAsync(ClaimRunner claims, WorkClaim claim, List<string> finished, CancellationToken stop)
    {
        // Yield first so the claim loop goes on claiming while this work item starts.
        await Task.Yield();
        await claims.RunAsync(claim, stop);
        await FinishAsync(claim.Batch.Id, finished);
    }

    private async Task FinishAsync(string batchId, List<string> finished)
    {
        if (await store.TryFinishBatchAsync(batchId, CancellationToken.None))
        {
            await StoredBatches.WriteSummaryAsync(store, batchId, clock, new ReportThumbnails(runner, tools.Ffmpeg), CancellationToken.None);
            lock (finished)
            {
                finished.Add(batchId);
            }
        }
    }

    private async Task RescueAsync(CancellationToken stop)
    {
        await store.RescueDeadHoldersAsync(holder.Host, ProcessIdentity.IsAlive, stop);
        await store.RescueExpiredAsync(stop);
    }

    private static async Task WaitAsync(List<Task> running, TimeSpan poll, CancellationToken stop)
    {
        try
        {
            var delay = Task.Delay(poll, stop);
            await Task.WhenAny(running.Append(delay));
        }
        catch (OperationCanceledException)
        {
        }
    }
}
