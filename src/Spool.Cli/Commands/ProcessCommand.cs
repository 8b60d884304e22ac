using System.CommandLine;
using Spool.Cli.Terminal;
using Spool.Core.Discovery;
using Spool.Core.Operations;
using Spool.Core.Reporting;
using Spool.Media.Processes;

namespace Spool.Cli.Commands;

/// <summary>spool process PATH… and spool process-list FILE: run a batch in the foreground and report it.</summary>
internal static class ProcessCommand
{
    public static Command Create()
    {
        var options = new BatchOptions();
        var paths = new Argument<string[]>("paths") { Description = "Files, folders or glob patterns.", Arity = ArgumentArity.OneOrMore };
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
        await ExecuteAsync(await BatchInvocation.FromAsync(parse, options, paths, cancellationToken), cancellationToken);

    public static async Task<int> ExecuteAsync(BatchInvocation invocation, CancellationToken cancellationToken)
    {
        var runner = new ProcessRunner();
        var (tools, capabilities) = await Toolchain.RequireWithCapabilitiesAsync(runner, cancellationToken);
        invocation = invocation with
        {
            Settings = invocation.Settings with
            {
                PlanOptions = invocation.Settings.PlanOptions with { CanToneMap = capabilities.HasFilter("zscale") && capabilities.HasFilter("tonemap") },
            },
        };
        var clock = TimeProvider.System;
        var summary = BatchReportWriter.SummaryDirectory(invocation.Settings.OutputDirectory);
        var batchId = BatchIds.New(clock.GetUtcNow(), id => ReportMentions(summary, id));
        Console.WriteLine($"Batch {batchId}: {invocation.Inputs.Count} inputs x {invocation.Settings.Presets.Count} presets -> {invocation.Settings.OutputDirectory}");

        var result = await ProgressDisplay.RunAsync(invocation.Quiet, observer =>
            new BatchRunner(runner, tools, observer, clock).RunAsync(batchId, invocation.Inputs, invocation.Settings, cancellationToken));
        var report = await BatchReportWriter.WriteAsync(result, CancellationToken.None);
        BatchSummaryPrinter.Print(result, report, Console.Out);
        if (result.Interrupted)
        {
            await Console.Error.WriteLineAsync("Interrupted: running jobs were stopped and their partial files removed. Run the same command again to redo the unfinished jobs.");
        }

        return result.ExitCode;
    }

    private static bool ReportMentions(string summaryDirectory, string batchId)
    {
        var report = Path.Combine(summaryDirectory, "batch_report.json");
        return File.Exists(report) && File.ReadAllText(report).Contains($"\"{batchId}\"", StringComparison.Ordinal);
    }
}
