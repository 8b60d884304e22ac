using System.CommandLine;
using Spool.Cli.Terminal;
using Spool.Core.Chunking;
using Spool.Core.Discovery;
using Spool.Core.Operations;
using Spool.Core.Planning;
using Spool.Core.Queue;
using Spool.Core.Storage;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Cli.Commands;

/// <summary>spool process PATH… and spool process-list FILE: run a batch in the foreground and report it.</summary>
internal static class ProcessCommand
{
    public static Command Create()
    {
        var options = new BatchOptions();
        var paths = new Argument<string[]>("paths") { Description = "Files, folders or glob patterns (or 'inputs' in --config).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("process", "Probe, plan, transcode and check a batch, then write its reports.") { paths };
        options.AddTo(command, includeRunOptions: true);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, options, parse.GetValue(paths)!, cancellationToken));
        return command;
    }

    public static Command CreateList()
    {
        var options = new BatchOptions();
        var file = new Argument<string>("file") { Description = "A text file: one input per line ('#' starts a comment)." };
        var command = new Command("process-list", "Like process, with the inputs read from a file.") { file };
        options.AddTo(command, includeRunOptions: true);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var listFile = parse.GetValue(file)!;
            if (!File.Exists(listFile))
            {
                throw new UsageException($"list file '{listFile}' does not exist.");
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(listFile))!;
            var lines = InputListFile.Parse(await File.ReadAllTextAsync(listFile, cancellationToken));
            var inputs = lines.Select(line => Path.GetFullPath(line, folder)).ToArray();
            if (inputs.Length == 0)
            {
                throw new UsageException($"list file '{listFile}' names no inputs.");
            }

            return await RunAsync(parse, options, inputs, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, BatchOptions options, IReadOnlyList<string> paths, CancellationToken cancellationToken) =>
        await ExecuteAsync(await BatchInvocation.FromConfiguredAsync(parse, options, paths, cancellationToken), cancellationToken);

    public static async Task<int> ExecuteAsync(BatchInvocation invocation, CancellationToken cancellationToken)
    {
        var runner = new ProcessRunner();
        var (tools, capabilities) = await Toolchain.RequireWithCapabilitiesAsync(runner, cancellationToken);
        await using var store = await StoreAccess.OpenAsync(invocation.Store, cancellationToken);
        var batchId = await SubmitAsync(store, runner, tools, invocation, cancellationToken);
        var cpuOnly = invocation.Settings.PlanOptions.Hardware == HardwareChoice.None;
        var options = await WorkerSettings.ForAsync(invocation.Settings.MaxConcurrent, runner, tools, capabilities, cancellationToken, cpuOnly);
        return await QueueRun.RunBatchAsync(store, runner, tools, batchId, options, invocation.Quiet, cancellationToken);
    }

    /// <summary>Stores the batch with all its jobs and prints the id the store gave it, before any work starts.</summary>
    public static async Task<string> SubmitAsync(IJobStore store, IProcessRunner runner, MediaTools tools, BatchInvocation invocation, CancellationToken cancellationToken)
    {
        var batchId = await new BatchSubmitter(store, new Prober(runner, tools.Ffprobe), new ChunkJobPlanner(new VideoPackets(runner, tools.Ffprobe)))
            .SubmitAsync(BatchIds.New(TimeProvider.System.GetUtcNow()), invocation.Inputs, invocation.Settings, invocation.Priority, invocation.RetryCount, cancellationToken);
        Console.WriteLine($"Batch {batchId}: {invocation.Inputs.Count} inputs x {invocation.Settings.Presets.Count} presets -> {invocation.Settings.OutputDirectory}");
        return batchId;
    }
}
