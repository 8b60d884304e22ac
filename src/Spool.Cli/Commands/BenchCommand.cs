using System.CommandLine;
using System.Globalization;
using Spool.Core.Benchmarking;
using Spool.Core.Planning;
using Spool.Core.Storage;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Cli.Commands;

/// <summary>
/// spool bench [FILES...]: times excerpts of the user's own files at each concurrency x cores-a-job setting, prints the
/// table, recommends the fastest and keeps it in $SPOOL_HOME/bench.json, where --max-concurrent auto finds it.
/// Without files it makes a 20-second 720p sample (MPEG-2 with sensor noise, like a camera master).
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Videos to take excerpts from (default: a generated 720p sample).", Arity = ArgumentArity.ZeroOrMore };
        var preset = new Option<string>("--preset") { Description = "The preset to time (default web_optimized).", DefaultValueFactory = _ => "web_optimized" };
        var presetFile = new Option<string?>("--preset-file") { Description = "YAML file of user presets." };
        var seconds = NumberOptions.Decimal("--seconds", "Length of each excerpt in seconds (default 8, 1 to 600).");
        var dryRun = new Option<bool>("--no-save") { Description = "Print the table without keeping the result." };
        var command = new Command("bench", "Find the fastest jobs-at-once x cores-a-job on this machine with excerpts of your files, and keep it for --max-concurrent auto.")
        {
            files, preset, presetFile, seconds, dryRun,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var excerpt = parse.GetValue(seconds) ?? 8;
            if (excerpt is < 1 or > 600 || double.IsNaN(excerpt))
            {
                throw new UsageException("--seconds: must be between 1 and 600.");
            }

            var catalog = await PresetSource.LoadAsync(parse.GetValue(presetFile), cancellationToken);
            var chosen = catalog.Find(parse.GetValue(preset)!) ?? throw new UsageException($"--preset: unknown preset '{parse.GetValue(preset)}'. Known presets: {string.Join(", ", catalog.Names)}.");
            var runner = new ProcessRunner();
            var (tools, capabilities) = await Toolchain.RequireWithCapabilitiesAsync(runner, cancellationToken);
            var scratch = Directory.CreateTempSubdirectory("spool-bench-").FullName;
            try
            {
                var paths = parse.GetValue(files) is { Length: > 0 } given ? given : [await SampleAsync(runner, tools.Ffmpeg, scratch, cancellationToken)];
                var sources = await UsableAsync(new Prober(runner, tools.Ffprobe), paths, chosen, cancellationToken);
                if (sources.Count == 0)
                {
                    throw new UsageException("none of the files is a video Spool can encode; give other files or none (a sample is made).");
                }

                var cores = Environment.ProcessorCount;
                var settings = BenchSetting.Candidates(cores);
                var jobs = BenchRunner.Jobs(sources, excerpt, settings.Max(setting => setting.Concurrency) * 2);
                Console.WriteLine(Invariant($"Timing {jobs.Count} excerpts of up to {excerpt:0.#} s ({sources.Count} file(s)) through {chosen.Name} at {settings.Count} settings on {cores} cores..."));
                Console.WriteLine("  jobs x cores      wall      realtime");
                var options = PlanOptions.Default with { CanToneMap = capabilities.HasFilter("zscale") && capabilities.HasFilter("tonemap") };
                var rows = await new BenchRunner(runner, tools.Ffmpeg).RunAsync(
                    sources, chosen, options, excerpt, settings, Path.Combine(scratch, "out"), row => Console.WriteLine(Describe(row)), cancellationToken);
                if (BenchRunner.Best(rows) is not { } best)
                {
                    Console.Error.WriteLine("spool: every setting had failed encodes; nothing is recommended or kept.");
                    return ExitCodes.JobsFailed;
                }

                Console.WriteLine(Invariant($"Best: --max-concurrent {best.Setting.Concurrency} ({best.Setting.Threads} core(s) a job), {best.RealtimeFactor:0.0}x realtime."));
                if (!parse.GetValue(dryRun))
                {
                    var home = StoreLocation.HomeFromEnvironment();
                    var record = new BenchRecord(cores, capabilities.Version, DateTimeOffset.UtcNow, best.Setting.Concurrency, best.Setting.Threads,
                        [.. rows.Select(row => new BenchRecordRow(row.Setting.Concurrency, row.Setting.Threads, row.WallSeconds, row.RealtimeFactor))]);
                    await record.WriteAsync(home, cancellationToken);
                    Console.WriteLine($"Kept in {Path.Combine(home, BenchRecord.FileName)}: --max-concurrent auto (the default) now runs {best.Setting.Concurrency} at once.");
                }

                return ExitCodes.Success;
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }
        });
        return command;
    }

    private static async Task<IReadOnlyList<MediaInfo>> UsableAsync(Prober prober, IReadOnlyList<string> paths, Core.Presets.Preset preset, CancellationToken cancellationToken)
    {
        var usable = new List<MediaInfo>();
        foreach (var path in paths)
        {
            var outcome = await prober.ProbeAsync(Path.GetFullPath(path), cancellationToken);
            var planned = outcome is ProbeOutcome.Probed probed
                ? WorkPlanner.Plan(probed.Media, [preset], PlanOptions.Default, new OutputTarget(Path.GetTempPath(), "bench"))
                : null;
            switch (planned)
            {
                case PlanOutcome.Planned:
                    usable.Add(((ProbeOutcome.Probed)outcome).Media);
                    break;
                case PlanOutcome.Rejected rejected:
                    Console.Error.WriteLine($"spool: skipping {path}: {rejected.Error.Message}");
                    break;
                default:
                    Console.Error.WriteLine($"spool: skipping {path}: {((ProbeOutcome.Failed)outcome).Error.Message}");
                    break;
            }
        }

        return usable;
    }

    private static async Task<string> SampleAsync(IProcessRunner runner, string ffmpeg, string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, "sample.mov");
        var result = await runner.RunAsync(
            new ProcessRequest(ffmpeg, [
                "-hide_banner", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30:duration=20",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=20", "-vf", "noise=alls=6:allf=t", "-c:v", "mpeg2video", "-q:v", "3",
                "-c:a", "pcm_s16le", "-shortest", "file:" + path]),
            null,
            cancellationToken);
        return result.Succeeded ? path : throw new EnvironmentException("could not make the benchmark sample: " + result.StderrTail(3));
    }

    private static string Describe(BenchRow row) => Invariant(
        $"  {row.Setting.Concurrency,4} x {row.Setting.Threads,-4}     {row.WallSeconds,6:0.0} s   {row.RealtimeFactor,5:0.0}x{(row.Failed > 0 ? $"   ({row.Failed} failed)" : "")}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
