using System.Text.Json;
using Spool.EndToEnd.Tests.Infrastructure;

namespace Spool.EndToEnd.Tests;

/// <summary>spool bench times the user's own files at each setting and keeps the best for --max-concurrent auto.</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public async Task Bench_times_every_setting_keeps_the_best_and_a_batch_with_auto_runs_that_many_at_once()
    {
        using var temp = new TempFolder("bench");
        var clip = temp.Combine("clip.mp4");
        await Ffmpeg.RunAsync("-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=3", "-c:v", "mpeg4", "-q:v", "3", clip);
        var spool = SpoolCli.In(temp);

        var bench = await spool.RunAsync("bench", clip, "--seconds", "1");

        Assert.True(bench.ExitCode == 0, bench.Describe());
        using var record = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(spool.Home, "bench.json")));
        var root = record.RootElement;
        Assert.Equal(Environment.ProcessorCount, root.GetProperty("cores").GetInt32());
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(
            rows.Select(row => (row.GetProperty("concurrency").GetInt32(), row.GetProperty("threads").GetInt32())).ToList(),
            [.. Expected(Environment.ProcessorCount)]);
        var best = rows.OrderBy(row => row.GetProperty("wall_seconds").GetDouble()).ThenBy(row => row.GetProperty("concurrency").GetInt32()).First();
        Assert.Equal(best.GetProperty("concurrency").GetInt32(), root.GetProperty("concurrency").GetInt32());
        Assert.Contains($"Best: --max-concurrent {root.GetProperty("concurrency").GetInt32()} ", bench.Stdout, StringComparison.Ordinal);

        var plan = await spool.RunAsync("plan", clip, "--max-concurrent", "auto", "--output", temp.Combine("out"));
        Assert.True(plan.ExitCode == 0, plan.Describe());
        var bad = await spool.RunAsync("process", clip, "--max-concurrent", "lots", "--output", temp.Combine("out"));
        Assert.True(bad.ExitCode == 2, bad.Describe());
    }

    private static IEnumerable<(int, int)> Expected(int cores)
    {
        var counts = new SortedSet<int> { 1, cores };
        for (var step = 2; step < cores; step = step < 4 ? step + 1 : step * 3 / 2)
        {
            counts.Add(step);
        }

        return counts.Select(count => (count, Math.Max(1, cores / count)));
    }
}
