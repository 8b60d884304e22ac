using System.CommandLine;
using Spool.Core.Operations;
using Spool.Core.Planning;
using Spool.Media.Commands;
using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Cli.Commands;

/// <summary>spool plan PATH…: a dry run. Probes each input and prints every command a batch would run for it, in order.</summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var options = new BatchOptions();
        var paths = new Argument<string[]>("paths") { Description = "Files, folders or glob patterns (or 'inputs' in --config).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("plan", "Dry run: print the ffmpeg commands a batch would run, without running them.") { paths };
        options.AddTo(command, includeRunOptions: true);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var invocation = await BatchInvocation.FromConfiguredAsync(parse, options, parse.GetValue(paths)!, cancellationToken);
            var runner = new ProcessRunner();
            var (tools, capabilities) = await Toolchain.RequireWithCapabilitiesAsync(runner, cancellationToken);
            var prober = new Prober(runner, tools.Ffprobe);
            var settings = invocation.Settings;
            if (settings.PlanOptions.Hardware != HardwareChoice.None)
            {
                // The commands a batch would run here: on a GPU only where this machine proves it, as a worker would.
                var proven = await WorkerSettings.ProveAsync(runner, tools, capabilities, cancellationToken);
                settings = settings with { PlanOptions = settings.PlanOptions with { ProvenHardware = proven } };
            }

            var rejected = 0;
            foreach (var input in invocation.Inputs)
            {
                Console.WriteLine($"# {input.Path}");
                var outcome = await prober.ProbeAsync(input.Path, cancellationToken);
                if (outcome is ProbeOutcome.Failed failed)
                {
                    rejected++;
                    Console.WriteLine($"#   fails: {failed.Error.Category.ToWireName()}: {failed.Error.Message}");
                    continue;
                }

                var media = ((ProbeOutcome.Probed)outcome).Media;
                var plan = DryRunPlanner.Plan(media, settings, Path.Combine(settings.OutputDirectory, input.OutputName), Path.GetFileName(input.OutputName));
                if (plan.Error is { } error)
                {
                    rejected++;
                    Console.WriteLine($"#   fails: {error.Category.ToWireName()}: {error.Message}");
                    continue;
                }

                foreach (var output in plan.Encode?.Outputs ?? [])
                {
                    Console.WriteLine($"#   {output.PresetName}: {output.Width}x{output.Height}{(output.HasAudio ? " with audio" : " no audio")} -> {output.FinalPath}");
                }

                if (plan.Encode?.HardwareNote is { } note)
                {
                    Console.WriteLine($"#   {note}");
                }

                if (plan.Encode?.Hardware is { } hardware)
                {
                    Console.WriteLine($"#   encoded with {hardware.Encoder}; if that encode fails, the same outputs are encoded on the CPU (libx264)");
                }

                foreach (var run in plan.Runs)
                {
                    Console.WriteLine($"# {run.Title}");
                    if (run.Arguments.Count > 0)
                    {
                        Console.WriteLine(CommandLineFormatter.Format(tools.Ffmpeg, run.Arguments));
                    }
                }

                Console.WriteLine();
            }

            return rejected > 0 ? ExitCodes.JobsFailed : ExitCodes.Success;
        });
        return command;
    }
}
