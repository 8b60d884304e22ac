using System.Globalization;
using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;

namespace Spool.EndToEnd.Tests.Seams;

/// <summary>
/// Issue 10.2: a job is committed the moment its output is placed. An interruption or a cancel that arrives while a
/// later step of the same input runs (HLS here) affects only the unfinished step: the finished encode stays recorded
/// as succeeded, keeps its file, and resume does not redo it.
/// </summary>
public sealed class StepInterruptTests
{
    [Fact]
    public async Task Ctrl_c_during_a_later_step_keeps_the_finished_encode_and_resume_does_not_redo_it()
    {
        using var temp = new TempFolder("step-interrupt");
        var cli = SpoolCli.In(temp);
        var (source, output, encoded) = await ClipAsync(temp);

        using var spool = cli.Start("process", source, "--preset", "web_optimized", "--hls", "--output", output, "--max-concurrent", "1");
        await WaitForHlsAsync(output, encoded, spool);
        var kill = await ToolRun.RunAsync("kill", ["-INT", spool.ProcessId.ToString(CultureInfo.InvariantCulture)]);
        Assert.True(kill.ExitCode == 0, kill.Describe());
        var run = await spool.WaitAsync(ToolRun.DefaultLimit);
        Assert.True(run.ExitCode == 130, "An interrupted batch exits 130.\n" + run.Describe());

        var placed = await FileIdentity.OfAsync(encoded);
        var batchId = StoredBatch.IdPrintedIn(run.Stdout)!;
        var stored = await StoredBatch.ReadAsync(cli, batchId);
        Assert.True(stored.Job("clip.mp4", "web_optimized").State == "succeeded", "The finished encode is not recorded as succeeded:\n" + stored.Json);
        Assert.True(stored.Job("clip.mp4", "hls").State == "queued", "The interrupted HLS step is not queued again:\n" + stored.Json);
        Assert.Empty(Partials.In(output));

        var resume = await cli.RunAsync("resume", "--job-id", batchId);
        Assert.True(resume.ExitCode == 0, "resume did not finish the batch.\n" + resume.Describe());
        Assert.Equal(placed, await FileIdentity.OfAsync(encoded));
        Assert.True(File.Exists(Path.Combine(output, "clip", "hls", "master.m3u8")), "resume made no HLS package.\n" + resume.Describe());
        var report = await BatchReport.ReadAsync(output);
        Assert.Equal("succeeded", report.Job("clip.mp4", "web_optimized").Status);
        Assert.Equal(1, report.Job("clip.mp4", "web_optimized").Attempts);
        Assert.Empty(Partials.In(output));
    }

    [Fact]
    public async Task Cancel_during_a_later_step_reports_the_finished_encode_with_its_output()
    {
        using var temp = new TempFolder("step-cancel");
        var cli = SpoolCli.In(temp);
        var (source, output, encoded) = await ClipAsync(temp);

        var submit = await cli.RunAsync("submit", source, "--preset", "web_optimized", "--hls", "--output", output);
        Assert.True(submit.ExitCode == 0, submit.Describe());
        var batchId = StoredBatch.IdPrintedIn(submit.Stdout)!;

        // A short lease beats every second, so the cancel reaches the running step at once.
        using var spool = cli.Start("worker", "--drain", "--quiet", "--max-concurrent", "1", "--lease", "3");
        await WaitForHlsAsync(output, encoded, spool);
        var cancel = await cli.RunAsync("cancel", "--job-id", batchId);
        Assert.True(cancel.ExitCode == 0, cancel.Describe());
        var run = await spool.WaitAsync(ToolRun.DefaultLimit);

        var report = await BatchReport.ReadAsync(output);
        var encode = report.Job("clip.mp4", "web_optimized");
        Assert.True(encode.Status == "succeeded" && encode.Output == encoded, $"The finished encode is reported {encode.Status} with output {encode.Output}.\n" + run.Describe());
        Assert.True(File.Exists(encoded));
        Assert.Equal("cancelled", report.Job("clip.mp4", "hls").Status);
        Assert.Empty(Partials.In(output));
    }

    private static async Task<(string Source, string Output, string Encoded)> ClipAsync(TempFolder temp)
    {
        var source = temp.Combine("clip.mp4");
        await MediaFactory.ClipAsync(source, new ClipSpec(1280, 720, "30", 8));
        var output = temp.Combine("out");
        return (source, output, Path.Combine(output, "clip", "video", "clip_web_optimized.mp4"));
    }

    private static async Task WaitForHlsAsync(string output, string encoded, RunningTool spool)
    {
        var hls = Path.Combine(output, "clip");
        var started = await Partials.WaitAsync(
            () => File.Exists(encoded) && Directory.Exists(hls) && Directory.EnumerateDirectories(hls, "hls.partial*").Any(),
            spool,
            TimeSpan.FromMinutes(2));
        Assert.True(started, "The HLS step never started after the encode.\n" + (spool.HasExited ? (await spool.WaitAsync(ToolRun.DefaultLimit)).Describe() : ""));
    }
}
