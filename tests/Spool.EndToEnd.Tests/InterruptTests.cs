using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;

namespace Spool.EndToEnd.Tests;

/// <summary>DESIGN.md: Ctrl+C ends a batch with exit 130, says how to resume, and no incomplete file stays in the output tree.</summary>
public sealed class InterruptTests
{
    [Fact]
    public async Task Interrupted_batch_exits_130_and_leaves_no_partial_file()
    {
        using var temp = new TempFolder("interrupt");
        var source = temp.Combine("long.mp4");
        await MediaFactory.ClipAsync(source, new ClipSpec(1280, 720, "30", 8));
        var output = temp.Combine("out");

        using var spool = RunningTool.Start(RepoPaths.Launcher, ["process", source, "--preset", "web_optimized", "--output", output]);
        var partial = await WaitForPartialAsync(output, spool, TimeSpan.FromMinutes(2));
        if (partial is null)
        {
            Assert.Fail("No .partial file appeared while the batch ran, so it could not be interrupted mid-encode.\n" + (await spool.WaitAsync(ToolRun.DefaultLimit)).Describe());
        }


        var kill = await ToolRun.RunAsync("kill", ["-INT", spool.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.True(kill.ExitCode == 0, kill.Describe());
        var run = await spool.WaitAsync(ToolRun.DefaultLimit);

        Assert.True(run.ExitCode == 130, "An interrupted batch exits 130.\n" + run.Describe());
        var left = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Where(path => Path.GetFileName(path).Contains(".partial", StringComparison.Ordinal))
            .ToList();
        Assert.True(left.Count == 0, $"Files with .partial in their name remain after the interrupt (first seen: {partial}):\n  " + string.Join("\n  ", left));
        Assert.False(File.Exists(Path.Combine(output, "long", "video", "long_web_optimized.mp4")), "The interrupted job's final output exists, though its encode was stopped");
        Assert.True(
            run.Stderr.Contains("resume", StringComparison.OrdinalIgnoreCase) || run.Stderr.Contains("again", StringComparison.OrdinalIgnoreCase),
            "The interrupt message does not say how to resume.\n" + run.Describe());
        var job = (await BatchReport.ReadAsync(output)).Job("long.mp4", "web_optimized");
        Assert.True(job.Status == "cancelled", $"long.mp4 (web_optimized): status {job.Status} after the interrupt, expected cancelled");
    }

    private static async Task<string?> WaitForPartialAsync(string output, RunningTool spool, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline && !spool.HasExited)
        {
            if (Directory.Exists(output)
                && Directory.EnumerateFiles(output, "*.partial.mp4", SearchOption.AllDirectories).FirstOrDefault() is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        return null;
    }
}
