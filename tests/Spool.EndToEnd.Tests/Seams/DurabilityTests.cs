using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;

namespace Spool.EndToEnd.Tests.Seams;

/// <summary>
/// Issue 10.4, durability as the README promises for power loss: every output and report file reaches the disk
/// (fsync) before it is renamed to its final name, the folder holding the new name is synced after the rename, and
/// the store records the job's success only after that (WorkerLoopTests checks that order). Watched with strace.
/// </summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task Outputs_and_reports_are_synced_before_their_rename_and_their_folder_after_it_before_success_is_recorded()
    {
        using var temp = new TempFolder("durable");
        var cli = SpoolCli.In(temp);
        var source = temp.Combine("clip.mp4");
        await MediaFactory.ClipAsync(source, ClipSpec.Small());
        var output = temp.Combine("out");
        var trace = temp.Combine("trace.txt");

        var run = await ToolRun.RunAsync(
            "strace",
            ["-f", "-qq", "-y", "-e", "trace=fsync,fdatasync,rename,renameat,renameat2", "-o", trace, RepoPaths.Launcher, "process", source, "--preset", "web_optimized", "--output", output, "--quiet"],
            environment: cli.Environment);
        Assert.True(run.ExitCode == 0, run.Describe());

        var calls = (await File.ReadAllLinesAsync(trace)).Where(line => line.Contains(output, StringComparison.Ordinal)).ToList();
        var video = Path.Combine(output, "clip", "video");
        AssertPlacedDurably(calls, video, "clip_web_optimized", ".mp4");
        foreach (var (stem, extension) in new[] { ("batch_report", ".json"), ("error_log", ".json"), ("processing_metrics", ".json"), ("report", ".html") })
        {
            AssertPlacedDurably(calls, Path.Combine(output, "summary"), stem, extension);
        }
    }

    /// <summary>fsync(partial) &lt; rename(partial, final) &lt; fsync(folder).</summary>
    private static void AssertPlacedDurably(List<string> calls, string folder, string stem, string extension)
    {
        var final = Path.Combine(folder, stem + extension);
        var rename = calls.FindIndex(line => line.Contains("rename", StringComparison.Ordinal) && line.Contains($"\"{final}\"", StringComparison.Ordinal));
        Assert.True(rename >= 0, $"No rename to {final} was traced:\n" + string.Join('\n', calls));
        var partialPrefix = Path.Combine(folder, stem + ".partial");
        var synced = calls.FindLastIndex(rename, line => line.Contains("fsync(", StringComparison.Ordinal) && line.Contains("<" + partialPrefix, StringComparison.Ordinal));
        Assert.True(synced >= 0, $"{final} was renamed into place without an fsync of its partial file first:\n" + string.Join('\n', calls));
        var folderSync = calls.FindIndex(rename, line => line.Contains("fsync(", StringComparison.Ordinal) && line.Contains($"<{folder}>", StringComparison.Ordinal));
        Assert.True(folderSync > rename, $"{folder} was not synced after {final} was renamed into it:\n" + string.Join('\n', calls));
    }
}
