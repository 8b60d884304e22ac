using Spool.Core.Operations;
using Spool.Core.Queue;
using Spool.Core.Storage;
using Spool.Media.Processes;

namespace Spool.Web.Workers;

/// <summary>
/// The server's own workers: a <see cref="WorkerPool"/> that takes queued jobs of any batch until the server stops,
/// then hands its running jobs back to the queue. With no worker options the server runs none, and instead frees
/// the leases of dead processes itself, so a batch whose worker died never shows as running.
/// A pool that fails (the store was unreachable too long) is started again after a pause: the server must not
/// go on serving with its workers silently gone. A failed pool returns only after its running work items ended, so
/// the new one never runs beside it and --max-concurrent holds across restarts.
/// </summary>
internal sealed class InProcessWorkers(IJobStore store, IProcessRunner runner, MediaTools tools, WorkerOptions? options, TimeProvider clock, TextWriter errors)
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(5);

    /// <summary>Who this server's leases name; null when it runs no workers.</summary>
    public LeaseHolder? Holder { get; } = options is null ? null : ProcessIdentity.Current("serve");

    /// <summary>How many work items the pool runs at once; 0 without workers.</summary>
    public int Capacity => options is null ? 0 : Math.Max(1, options.MaxConcurrent);

    /// <summary>Running work items held by this server's pool, out of its capacity: 0..1.</summary>
    public double Utilization(IReadOnlyList<JobRecord> leased)
    {
        ArgumentNullException.ThrowIfNull(leased);
        if (Holder is not { } self || Capacity == 0)
        {
            return 0;
        }

        var items = leased.Where(job => job.Holder?.WorkerId == self.WorkerId).Select(job => (job.BatchId, job.InputIndex)).Distinct().Count();
        return Math.Min(1, (double)items / Capacity);
    }

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (options is null)
                {
                    await store.RescueDeadHoldersAsync(Environment.MachineName, ProcessIdentity.IsAlive, stop);
                    await store.RescueExpiredAsync(stop);
                }
                else
                {
                    var pool = new WorkerPool(store, runner, tools, new LoggingObserver(errors), clock, Holder!);
                    await pool.RunAsync(options with { Drain = false, BatchId = null }, stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                await errors.WriteLineAsync($"spool serve: {(options is null ? "lease rescue" : "workers")} failed ({error.GetType().Name}: {error.Message}); trying again in {Pause.TotalSeconds:0} s.");
            }

            try
            {
                await Task.Delay(Pause, clock, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
