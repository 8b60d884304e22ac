using Spool.Core.Operations;
using Spool.Core.Queue;
using Spool.Core.Storage;
using Spool.Media.Processes;

namespace Spool.Cli.Terminal;

/// <summary>Runs a worker pool in the foreground for one batch (process, resume, retry), with the terminal view.</summary>
internal static class QueueRun
{
    public static async Task<int> RunBatchAsync(IJobStore store, IProcessRunner runner, MediaTools tools, string batchId, WorkerOptions options, bool quiet, CancellationToken stop)
    {
        var clock = TimeProvider.System;
        var jobs = await store.GetJobsAsync(batchId, CancellationToken.None);
        var batch = await store.GetBatchAsync(batchId, CancellationToken.None);
        await ProgressDisplay.RunAsync(quiet, async observer =>
        {
            observer.BatchStarted(batchId, batch!.TotalInputs, jobs.Count(job => !job.State.IsTerminal()));
            var pool = new WorkerPool(store, runner, tools, observer, clock, ProcessIdentity.Current("foreground"));
            return await pool.RunAsync(options with { BatchId = batchId, Drain = true }, stop);
        });

        // Jobs of this batch that another worker holds finish there; wait for them so the exit code tells the whole story.
        while (!stop.IsCancellationRequested && (await store.GetJobsAsync(batchId, CancellationToken.None)).Any(job => !job.State.IsTerminal()))
        {
            await store.RescueDeadHoldersAsync(Environment.MachineName, ProcessIdentity.IsAlive, CancellationToken.None);
            await store.RescueExpiredAsync(CancellationToken.None);
            if ((await store.GetJobsAsync(batchId, CancellationToken.None)).Any(job => job.State == JobState.Queued))
            {
                return await RunBatchAsync(store, runner, tools, batchId, options, quiet, stop);
            }

            await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
        }

        if (stop.IsCancellationRequested)
        {
            await WriteInterimSummaryAsync(store, batchId, clock);
        }

        var result = (await StoredBatches.LoadAsync(store, batchId, clock, CancellationToken.None))!;
        var summary = Path.Combine(result.OutputDirectory, "summary", "batch_report.json");
        BatchSummaryPrinter.Print(result, summary, Console.Out);
        if (stop.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"Interrupted: running jobs were stopped, their partial files removed and their jobs queued again. To finish the batch: spool resume --job-id {batchId}");
            return 130;
        }

        return result.ExitCode;
    }

    // The batch is not finished, so no worker writes its summary: write what the store holds now (the stopped jobs
    // as queued), so the report the terminal names exists; resume or `spool report` rewrite it later.
    private static async Task WriteInterimSummaryAsync(IJobStore store, string batchId, TimeProvider clock)
    {
        try
        {
            await StoredBatches.WriteSummaryAsync(store, batchId, clock, thumbnails: null, CancellationToken.None);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"warning: the summary of {batchId} could not be written ({error.Message}); later: spool report --job-id {batchId}");
        }
    }
}
