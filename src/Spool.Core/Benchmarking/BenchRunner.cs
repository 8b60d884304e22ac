using System.Diagnostics;
using System.Globalization;
using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Media.Commands;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Benchmarking;

/// <summary>
/// Times the same work under each setting: an excerpt of every source (from its middle), encoded with the preset's
/// own planned command at the setting's threads, that many at once. Every setting gets the same job list (the excerpts
/// repeated until there are twice as many jobs as the most jobs at once of any setting), so their wall times compare.
/// Outputs go to a scratch folder and are deleted after each setting.
/// </summary>
public sealed class BenchRunner(IProcessRunner runner, string ffmpeg)
{
    public async Task<IReadOnlyList<BenchRow>> RunAsync(
        IReadOnlyList<MediaInfo> sources, Preset preset, PlanOptions options, double excerptSeconds, IReadOnlyList<BenchSetting> settings,
        string scratch, Action<BenchRow>? measured, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfZero(sources.Count);
        var jobs = Jobs(sources, excerptSeconds, settings.Max(setting => setting.Concurrency) * 2);
        var work = jobs.Sum(job => job.Seconds);
        var rows = new List<BenchRow>();
        foreach (var setting in settings)
        {
            var folder = Path.Combine(scratch, string.Create(CultureInfo.InvariantCulture, $"{setting.Concurrency}x{setting.Threads}"));
            var failed = 0;
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(
                Enumerable.Range(0, jobs.Count),
                new ParallelOptions { MaxDegreeOfParallelism = setting.Concurrency, CancellationToken = cancellationToken },
                async (i, token) =>
                {
                    var command = Command(jobs[i], preset, options with { ThreadsPerJob = setting.Threads }, Path.Combine(folder, Invariant(i)));
                    Directory.CreateDirectory(Path.GetDirectoryName(command.Outputs[0].Path)!);
                    var result = await runner.RunAsync(new ProcessRequest(ffmpeg, FfmpegCommandRenderer.Render(command)), null, token);
                    if (!result.Succeeded)
                    {
                        Interlocked.Increment(ref failed);
                    }
                });
            var wall = clock.Elapsed.TotalSeconds;
            Directory.Delete(folder, recursive: true);
            var row = new BenchRow(setting, Math.Round(wall, 3), Math.Round(work / Math.Max(wall, 0.001), 2), failed);
            measured?.Invoke(row);
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The best row that had no failure: the shortest wall time; ties go to fewer jobs at once (less memory).</summary>
    public static BenchRow? Best(IReadOnlyList<BenchRow> rows) =>
        rows.Where(row => row.Failed == 0).OrderBy(row => row.WallSeconds).ThenBy(row => row.Setting.Concurrency).FirstOrDefault();

    /// <summary>Excerpts from each source's middle, repeated in turn until there are at least <paramref name="atLeast"/>.</summary>
    public static IReadOnlyList<BenchJob> Jobs(IReadOnlyList<MediaInfo> sources, double excerptSeconds, int atLeast)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var excerpts = sources.Select(source =>
        {
            var duration = source.EffectiveDuration ?? excerptSeconds;
            var seconds = Math.Min(excerptSeconds, duration);
            return new BenchJob(source, Math.Max(0, Math.Round((duration - seconds) / 2, 3)), Math.Round(seconds, 3));
        }).ToList();
        var count = Math.Max(atLeast, excerpts.Count);
        return [.. Enumerable.Range(0, count).Select(i => excerpts[i % excerpts.Count])];
    }

    // The preset's planned command for the whole source, its input cut to the excerpt.
    private static FfmpegCommand Command(BenchJob job, Preset preset, PlanOptions options, string folder)
    {
        var planned = (PlanOutcome.Planned)WorkPlanner.Plan(job.Source, [preset], options, new OutputTarget(folder, "bench"));
        var command = planned.Plan.Fused;
        var input = command.Inputs[0] with { Options = ["-ss", Invariant(job.Start), "-t", Invariant(job.Seconds)] };
        return command with { Inputs = [input, .. command.Inputs.Skip(1)], ReportsProgress = false };
    }

    private static string Invariant(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>One excerpt: its source, where it starts and how long it is, in seconds.</summary>
public sealed record BenchJob(MediaInfo Source, double Start, double Seconds);
