using System.CommandLine;
using Spool.Cli.Terminal;
using Spool.Core.Queue;
using Spool.Media.Processes;

namespace Spool.Cli.Commands;

/// <summary>spool worker [--drain] [--max-concurrent N]: run queued jobs of any batch, by priority.</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var drain = new Option<bool>("--drain") { Description = "Exit when the queue is empty (otherwise wait for new work until stopped)." };
        var concurrent = NumberOptions.Concurrency();
        var lease = new Option<int>("--lease")
        {
            Description = "Lease length in seconds (default 30; heartbeats every third of it). Shorter leases hand a dead worker's jobs on sooner; across machines keep it long enough for the slowest link.",
            DefaultValueFactory = _ => 30,
        };
        lease.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 3 or > 3600)
            {
                result.AddError("--lease must be between 3 and 3600 seconds.");
            }
        });
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress output." };
        var store = StoreAccess.CreateOption();
        var command = new Command("worker", "Run queued jobs of any batch, highest priority first.") { drain, concurrent, lease, quiet, store };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var runner = new ProcessRunner();
            var (tools, capabilities) = await Toolchain.RequireWithCapabilitiesAsync(runner, cancellationToken);
            await using var jobs = await StoreAccess.OpenAsync(parse.GetValue(store), cancellationToken);
            var options = (await WorkerSettings.ForAsync(parse.GetValue(concurrent), runner, tools, capabilities, cancellationToken) with { Drain = parse.GetValue(drain) })
                .WithLease(TimeSpan.FromSeconds(parse.GetValue(lease)));
            var finished = await ProgressDisplay.RunAsync(parse.GetValue(quiet), observer =>
                new WorkerPool(jobs, runner, tools, observer, TimeProvider.System, ProcessIdentity.Current("worker")).RunAsync(options, cancellationToken));
            foreach (var batchId in finished)
            {
                Console.WriteLine($"Finished {batchId}: spool status --job-id {batchId}");
            }

            return cancellationToken.IsCancellationRequested ? ExitCodes.Interrupted : ExitCodes.Success;
        });
        return command;
    }
}
