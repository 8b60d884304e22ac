using System.CommandLine;
using System.Text.Json;
using Spool.Core.Discovery;
using Spool.Core.Reporting;
using Spool.Core.Validation;
using Spool.Media.Processes;

namespace Spool.Cli.Commands;

/// <summary>spool validate PATH… [--recursive] [--thorough] [--json]: health-check inputs; exit 0 only when all are ok.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, folders or glob patterns.", Arity = ArgumentArity.OneOrMore };
        var recursive = new Option<bool>("--recursive", "-r") { Description = "Scan folders recursively." };
        var thorough = new Option<bool>("--thorough") { Description = "Also decode every file in full and report decode errors with their times." };
        var json = new Option<bool>("--json") { Description = "Print {\"files\":[…]} as JSON." };
        var command = new Command("validate", "Check that inputs are healthy videos before processing them.") { paths, recursive, thorough, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var named = parse.GetValue(paths)!;
            var inputs = InputDiscovery.Discover(new DiscoveryRequest(named, parse.GetValue(recursive), null, Directory.GetCurrentDirectory()));
            if (inputs.Count == 0)
            {
                throw new UsageException($"no video files found in {string.Join(", ", named)} (folders are scanned for video extensions; name files explicitly to try others).");
            }

            var runner = new ProcessRunner();
            var tools = await Toolchain.RequireAsync(runner, cancellationToken);
            var validator = new InputValidator(new LimitedProcessRunner(runner, RunLimits.Default), tools.Ffmpeg, tools.Ffprobe);
            var results = new FileValidation[inputs.Count];
            // Probes are light; a thorough decode already uses several cores, so fewer of those run at once.
            var parallel = parse.GetValue(thorough) ? Math.Max(1, Environment.ProcessorCount / 4) : Math.Max(1, Environment.ProcessorCount);
            await Parallel.ForEachAsync(
                Enumerable.Range(0, inputs.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Min(parallel, 8), CancellationToken = cancellationToken },
                async (i, ct) => results[i] = await validator.ValidateAsync(inputs[i].Path, parse.GetValue(thorough), ct));

            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new ValidationReport(results), ReportJson.Options));
            }
            else
            {
                PrintTable(results);
            }

            return results.All(r => r.IsOk) ? ExitCodes.Success : ExitCodes.JobsFailed;
        });
        return command;
    }

    private static void PrintTable(IReadOnlyList<FileValidation> results)
    {
        var width = Math.Min(60, results.Max(r => r.Path.Length));
        foreach (var result in results)
        {
            Console.WriteLine($"{result.Status,-16} {result.Path.PadRight(width)}");
            foreach (var problem in result.Problems)
            {
                Console.WriteLine($"{"",-16}   - {problem}");
            }
        }

        var bad = results.Count(r => !r.IsOk);
        Console.WriteLine(bad == 0 ? $"{results.Count} file(s) ok." : $"{bad} of {results.Count} file(s) not ok.");
    }
}
