using System.CommandLine;
using Spool.Media.Hardware;
using Spool.Media.Processes;

namespace Spool.Cli.Commands;

/// <summary>spool doctor: what this machine's ffmpeg can do, and whether Spool's needs are met (exit 3 when not).</summary>
internal static class DoctorCommand
{
    private static readonly string[] NeededEncoders = ["libx264", "aac"];
    private static readonly string[] NeededFilters = ["scale", "pad", "split", "fps", "format", "bwdif"];
    private static readonly string[] OptionalFilters = ["zscale", "tonemap", "libvmaf", "loudnorm", "asr", "subtitles", "vidstabdetect"];

    public static Command Create()
    {
        var command = new Command("doctor", "Show the ffmpeg version, encoders, filters and hardware acceleration Spool can use.");
        command.SetAction(async (_, cancellationToken) =>
        {
            var runner = new ProcessRunner();
            var (tools, capabilities) = await Toolchain.RequireWithCapabilitiesAsync(runner, cancellationToken, fresh: true);
            Console.WriteLine($"ffmpeg   {tools.Ffmpeg}: {capabilities.Version}");
            Console.WriteLine($"ffprobe  {tools.Ffprobe}");
            var missing = NeededEncoders.Where(name => !capabilities.HasEncoder(name))
                .Concat(NeededFilters.Where(name => !capabilities.HasFilter(name)))
                .ToList();
            foreach (var name in NeededEncoders)
            {
                Console.WriteLine($"encoder  {name,-14} {(capabilities.HasEncoder(name) ? "ok" : "MISSING (needed)")}");
            }

            foreach (var name in NeededFilters.Concat(OptionalFilters))
            {
                var needed = NeededFilters.Contains(name);
                Console.WriteLine($"filter   {name,-14} {(capabilities.HasFilter(name) ? "ok" : needed ? "MISSING (needed)" : "not available (optional)")}");
            }

            Console.WriteLine($"hwaccels {(capabilities.HardwareAccelerations.Count == 0 ? "none" : string.Join(", ", capabilities.HardwareAccelerations.Order(StringComparer.Ordinal)))}");
            foreach (var line in HardwareLines(await WorkerSettings.ProveAsync(runner, tools, capabilities, cancellationToken)))
            {
                Console.WriteLine(line);
            }

            if (missing.Count > 0)
            {
                Console.Error.WriteLine($"spool: this ffmpeg lacks {string.Join(", ", missing)}; install Debian's ffmpeg package.");
                return ExitCodes.Environment;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>One line per hardware encoder: proven by its one-frame trial (batches may use it), or not and why (they encode on the CPU).</summary>
    public static IEnumerable<string> HardwareLines(HardwareSupport support) =>
        support.Proofs.Select(proof =>
            $"hardware {HardwareSetup.Encoder(proof.Backend),-14} {(proof.Proven ? "proven" : "not proven")} ({HardwareSetup.WireName(proof.Backend)}): {proof.Reason}");
}
