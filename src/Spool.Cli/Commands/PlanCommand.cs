using System.CommandLine;
using Spool.Core.Planning;
using Spool.Media.Commands;
using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Cli.Commands;

/// <summary>spool plan PATH…: a dry run. Probes each input and prints the ffmpeg commands a batch would run.</summary>
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
            var tools = await Toolchain.RequireAsync(runner, cancellationToken);
            var prober = new Prober(runner, tools.Ffprobe);
            var settings = invocation.Settings;
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
                var target = new OutputTarget(Path.Combine(settings.OutputDirectory, input.OutputName), Path.GetFileName(input.OutputName));
                var plan = WorkPlanner.Plan(media, settings.Presets, settings.PlanOptions with { ThreadsPerJob = settings.ThreadsPerJob }, target);
                if (plan is PlanOutcome.Rejected no)
                {
                    rejected++;
                    Console.WriteLine($"#   fails: {no.Error.Category.ToWireName()}: {no.Error.Message}");
                    continue;
                }

                var work = ((PlanOutcome.Planned)plan).Plan;
                foreach (var output in work.Outputs)
                {
                    Console.WriteLine($"#   {output.PresetName}: {output.Width}x{output.Height}{(output.HasAudio ? " with audio" : " no audio")} -> {output.FinalPath}");
                }

                var command = work.Outputs.Count > 1 ? work.Fused : work.Separate[0];
                Console.WriteLine(CommandLineFormatter.Format(tools.Ffmpeg, FfmpegCommandRenderer.Render(command)));
                Console.WriteLine();
            }

            return rejected > 0 ? ExitCodes.JobsFailed : ExitCodes.Success;
        });
        return command;
    }
}
