using System.CommandLine;
using Spool.Cli.Terminal;
using Spool.Core.Operations;
using Spool.Core.Queue;
using Spool.Core.Reporting;
using Spool.Core.Storage;
using Spool.Media.Processes;

namespace Spool.Cli.Commands;

/// <summary>resume, retry, cancel, report, checkpoint: commands on one stored batch, named by --job-id (DESIGN.md's wording).</summary>
internal static class BatchCommands
{
    public static Command Resume()
    {
        var (command, id, store) = Create("resume", "Finish an interrupted batch: runs only its unfinished jobs; succeeded jobs are never redone.");
        var checkpoint = new Option<string?>("--from-checkpoint") { Description = "Also redo what had not succeeded at this checkpoint (succeeded jobs are kept)." };
        var concurrent = NumberOptions.Concurrency();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress output." };
        command.Options.Add(checkpoint);
        command.Options.Add(concurrent);
        command.Options.Add(quiet);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var batchId = parse.GetValue(id)!;
            await using var jobs = await OpenBatchAsync(parse.GetValue(store), batchId, cancellationToken);
            IReadOnlyCollection<long>? only = null;
            if (parse.GetValue(checkpoint) is { } name)
            {
                var saved = await jobs.GetCheckpointAsync(batchId, name, cancellationToken)
                    ?? throw new UsageException($"--from-checkpoint: batch {batchId} has no checkpoint '{name}'.");
                only = saved.States.Where(pair => pair.Value is not (JobState.Succeeded or JobState.Skipped)).Select(pair => pair.Key).ToList();
            }

            var requeued = await BatchControl.ResumeAsync(jobs, batchId, only, cancellationToken);
            var unfinished = (await jobs.GetJobsAsync(batchId, cancellationToken)).Count(job => !job.State.IsTerminal());
            Console.WriteLine($"Resuming {batchId}: {unfinished} unfinished jobs to run ({requeued} of them stopped before); finished jobs stay as they are.");
            return await RunAsync(jobs, batchId, parse.GetValue(concurrent), parse.GetValue(quiet), cancellationToken);
        });
        return command;
    }

    public static Command Retry()
    {
        var (command, id, store) = Create("retry", "Run a batch's failed jobs again (only those).");
        var retries = NumberOptions.Whole("--retry-count", null, $"Retries (0 to {BatchSettingsBuilder.MostRetries}, default 0) for transient failures this time.");
        var concurrent = NumberOptions.Concurrency();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress output." };
        command.Options.Add(retries);
        command.Options.Add(concurrent);
        command.Options.Add(quiet);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var batchId = parse.GetValue(id)!;
            var retryCount = parse.GetValue(retries) ?? 0;
            if (retryCount is < 0 or > BatchSettingsBuilder.MostRetries)
            {
                throw new UsageException($"--retry-count: must be between 0 and {BatchSettingsBuilder.MostRetries}.");
            }

            await using var jobs = await OpenBatchAsync(parse.GetValue(store), batchId, cancellationToken);
            var requeued = await jobs.RequeueAsync(batchId, [JobState.Failed], 1 + retryCount, null, cancellationToken);
            Console.WriteLine($"Retrying {batchId}: {requeued} failed jobs queued again.");
            return await RunAsync(jobs, batchId, parse.GetValue(concurrent), parse.GetValue(quiet), cancellationToken);
        });
        return command;
    }

    public static Command Cancel()
    {
        var (command, id, store) = Create("cancel", "Cancel a batch: queued jobs are cancelled, running ones stop within a heartbeat.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var batchId = parse.GetValue(id)!;
            await using var jobs = await OpenBatchAsync(parse.GetValue(store), batchId, cancellationToken);
            var affected = await BatchControl.CancelAsync(jobs, batchId, TimeProvider.System, Thumbnails(), cancellationToken);

            Console.WriteLine($"Cancelled {batchId}: {affected} jobs cancelled or told to stop.");
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Report()
    {
        var (command, id, store) = Create("report", "Write a batch's summary files again from the store.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var batchId = parse.GetValue(id)!;
            await using var jobs = await OpenBatchAsync(parse.GetValue(store), batchId, cancellationToken);
            var path = await StoredBatches.WriteSummaryAsync(jobs, batchId, TimeProvider.System, Thumbnails(), cancellationToken);
            Console.WriteLine($"Report: {path}");
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Checkpoint()
    {
        var (command, id, store) = Create("checkpoint", "Record a named point: the state of every job of the batch.");
        var name = new Option<string>("--name") { Description = "The checkpoint's name.", Required = true };
        command.Options.Add(name);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var batchId = parse.GetValue(id)!;
            await using var jobs = await OpenBatchAsync(parse.GetValue(store), batchId, cancellationToken);
            await jobs.SaveCheckpointAsync(batchId, parse.GetValue(name)!, cancellationToken);
            Console.WriteLine($"Checkpoint '{parse.GetValue(name)}' of {batchId} saved; resume from it with: spool resume --job-id {batchId} --from-checkpoint {parse.GetValue(name)}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static (Command Command, Option<string> Id, Option<string?> Store) Create(string name, string description)
    {
        var id = new Option<string>("--job-id") { Description = "The batch id (batch_YYYYMMDD_HHMMSS).", Required = true };
        var store = StoreAccess.CreateOption();
        return (new Command(name, description) { id, store }, id, store);
    }

    private static ReportThumbnails Thumbnails() => new(new ProcessRunner(), Toolchain.Locate().Ffmpeg);

    internal static async Task<IJobStore> OpenBatchAsync(string? location, string batchId, CancellationToken cancellationToken)
    {
        var store = await StoreAccess.OpenAsync(location, cancellationToken);
        if (!await store.BatchExistsAsync(batchId, cancellationToken))
        {
            await store.DisposeAsync();
            throw new UsageException($"--job-id: no batch '{batchId}' in the store; 'spool status' lists them.");
        }

        return store;
    }

    private static async Task<int> RunAsync(IJobStore store, string batchId, int concurrent, bool quiet, CancellationToken cancellationToken)
    {
        var runner = new ProcessRunner();
        var (tools, capabilities) = await Toolchain.RequireWithCapabilitiesAsync(runner, cancellationToken);
        var options = await WorkerSettings.ForAsync(concurrent, runner, tools, capabilities, cancellationToken);
        return await QueueRun.RunBatchAsync(store, runner, tools, batchId, options, quiet, cancellationToken);
    }
}
