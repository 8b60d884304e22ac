using Spool.Core.Operations;
using Spool.Core.Reporting;
using Spool.Core.Storage;
using Spool.Media.Processes;

namespace Spool.Core.Queue;

/// <summary>
/// Claims work items from the store and runs up to MaxConcurrent of them at once, each holding its leases.
/// Before claiming it rescues leases whose holders died, so nothing stays "running" that is not. Whoever finishes
/// the last job of a batch writes that batch's summary files.
/// The loop never leaves work behind: however it ends (drained, stopped, or the store failing too often), it waits
/// for every running work item first, so a caller that starts a new pool never runs two at once.
/// </summary>
public sealed class WorkerPool(IJobStore store, IProcessRunner runner, MediaTools tools, IBatchObserver observer, TimeProvider clock, LeaseHolder holder)
{
    private static readonly TimeSpan RescueEvery = TimeSpan.FromSeconds(5);

    /// <summary>Store calls of the loop (claim, rescue) that may fail in a row before the pool gives up and throws.</summary>
    public const int StoreFailuresTolerated = 5;

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
        var failures = 0;

        // A foreground run of one batch also repairs a summary whose writer died after closing the batch.
        if (options.BatchId is { } only)
        {
            touched.Add(only);
        }

        try
        {
            while (!stop.IsCancellationRequested)
            {
                running.RemoveAll(task => task.IsCompleted);
                try
                {
                    if (lastRescue == long.MinValue || clock.GetElapsedTime(lastRescue) >= RescueEvery)
                    {
                        await RescueAsync(stop);
                        lastRescue = clock.GetTimestamp();
                    }

                    // The batch's own limits (max_concurrent, thresholds against this load) are the claim's to enforce.
                    if (running.Count < Math.Max(1, options.MaxConcurrent) && await MeasureAsync(admission, running.Count, stop) is { } load
                        && await store.ClaimNextAsync(holder, options.Lease, options.BatchId, load, stop) is { } claim)
                    {
                        failures = 0;
                        touched.Add(claim.Batch.Id);
                        var sharing = await SharingAsync(running.Count + 1, options, stop);
                        running.Add(RunClaimAsync(claims, claim, sharing, finished, stop));
                        continue;
                    }

                    failures = 0;
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    failures++;
                    observer.Warning($"the job store failed ({error.GetType().Name}: {error.Message}); {(failures < StoreFailuresTolerated ? "trying again" : "giving up after " + failures + " failures in a row")}.");
                    if (failures >= StoreFailuresTolerated)
                    {
                        throw;
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }

                if (running.Count == 0 && options.Drain && failures == 0)
                {
                    break;
                }

                await WaitAsync(running, options.PollInterval, stop);
            }
        }
        finally
        {
            // Always: on drain, stop, and errors. A work item never throws (ClaimRunner records its faults).
            await Task.WhenAll(running);
        }

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

    /// <summary>
    /// How many work items will share the cores while this one runs: every slot when all are taken, else the ones
    /// running plus what is still queued that this worker may claim (its batch when it serves one, else any), so at the
    /// tail of a batch, with fewer items left than slots, the last ones start with the idle slots' threads. The store
    /// is asked only when a slot would stay free.
    /// </summary>
    private async Task<int> SharingAsync(int running, WorkerOptions options, CancellationToken stop)
    {
        var slots = Math.Max(1, options.MaxConcurrent);
        if (running >= slots)
        {
            return slots;
        }

        var queued = (await store.CountJobsAsync(options.BatchId is { } only ? [only] : null, stop)).Values.Sum(counts => counts[JobState.Queued]);
        return Math.Clamp(running + queued, 1, slots);
    }

    private async Task RunClaimAsync(ClaimRunner claims, WorkClaim claim, int sharing, List<string> finished, CancellationToken stop)
    {
        // Yield first so the claim loop goes on claiming while this work item starts.
        await Task.Yield();
        try
        {
            await claims.RunAsync(claim, sharing, stop);
        }
        catch (Exception fault)
        {
            // ClaimRunner records faults itself; reaching here means the store failed even for that. The leases run
            // out and the rescue hands the jobs on: logged, never dropped silently.
            observer.Warning($"the work item for {claim.InputPath} (batch {claim.Batch.Id}) ended with {fault.GetType().Name}: {fault.Message}; its jobs return to the queue when their leases expire.");
            return;
        }

        await FinishAsync(claim.Batch.Id, finished);
    }

    private async Task FinishAsync(string batchId, List<string> finished)
    {
        try
        {
            if (await store.TryFinishBatchAsync(batchId, CancellationToken.None))
            {
                lock (finished)
                {
                    finished.Add(batchId);
                }
            }
            else if (!await SummaryLostAsync(batchId))
            {
                return;
            }

            await StoredBatches.WriteSummaryAsync(store, batchId, clock, new ReportThumbnails(runner, tools.Ffmpeg), CancellationToken.None);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // A full or read-only output disk: the batch's results are safe in the store; `spool report` rewrites them.
            observer.Warning($"the summary of {batchId} could not be written ({error.Message}); free space or fix permissions, then run: spool report --job-id {batchId}");
        }
        catch (Exception error)
        {
            observer.Warning($"batch {batchId} could not be finished ({error.GetType().Name}: {error.Message}); run: spool report --job-id {batchId}");
        }
    }

    // The batch was closed by a worker that died (kill -9, power cut) before its summary was in place: writing the
    // summary comes after the compare-and-set that elects its writer, so without this no one would ever write it.
    private async Task<bool> SummaryLostAsync(string batchId) =>
        await store.GetBatchAsync(batchId, CancellationToken.None) is { Lifecycle: not BatchLifecycle.Active } batch
        && !File.Exists(Path.Combine(BatchReportWriter.SummaryDirectory(batch.OutputDirectory), "batch_report.json"));

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
