using System.Globalization;
using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;

namespace Spool.EndToEnd.Tests;

/// <summary>
/// DESIGN.md and issue 3: the first Ctrl+C stops running jobs cleanly (partial files removed, jobs queued again), saves
/// the batch, says how to resume and exits 130; resume then finishes it.
/// </summary>
public sealed class InterruptTests
{
    [Fact]
    public async Task Interrupted_batch_exits_130_leaves_no_partial_file_and_resume_finishes_it()
    {
        using var temp = new TempFolder("interrupt");
        var cli = SpoolCli.In(temp);
        var source = temp.Combine("long.mp4");
        await MediaFactory.ClipAsync(source, new ClipSpec(1280, 720, "30", 6));
        var output = temp.Combine("out");
        var final = Path.Combine(output, "long", "video", "long_web_optimized.mp4");

        using var spool = cli.Start("process", source, "--preset", "web_optimized", "--output", output);
        var partial = await WaitForPartialAsync(output, spool, TimeSpan.FromMinutes(2));
        if (partial is null)
        {
            Assert.Fail("No .partial file appeared while the batch ran, so it could not be interrupted mid-encode.\n" + (await spool.WaitAsync(ToolRun.DefaultLimit)).Describe());
        }

        var kill = await ToolRun.RunAsync("kill", ["-INT", spool.ProcessId.ToString(CultureInfo.InvariantCulture)]);
        Assert.True(kill.ExitCode == 0, kill.Describe());
        var run = await spool.WaitAsync(ToolRun.DefaultLimit);

        Assert.True(run.ExitCode == 130, "An interrupted batch exits 130.\n" + run.Describe());
        Assert.Empty(PartialFiles(output));
        Assert.False(File.Exists(final), "The interrupted job's final output exists, though its encode was stopped");
        var batchId = StoredBatch.IdPrintedIn(run.Stdout) ?? throw new InvalidOperationException("process printed no batch id.\n" + run.Describe());
        Assert.True(
            run.Stderr.Contains("spool resume --job-id " + batchId, StringComparison.Ordinal),
            $"The interrupt message does not say `spool resume --job-id {batchId}`.\n" + run.Describe());
        var stored = await StoredBatch.ReadAsync(cli, batchId);
        Assert.True(stored.State == "interrupted", $"status says {stored.State} after Ctrl+C, expected interrupted:\n{stored.Json}");
        Assert.True(stored.Job("long.mp4", "web_optimized").State == "queued", $"The interrupted job is not queued again:\n{stored.Json}");

        var resume = await cli.RunAsync("resume", "--job-id", batchId);
        Assert.True(resume.ExitCode == 0, "resume after Ctrl+C finishes the batch.\n" + resume.Describe());
        Assert.True(File.Exists(final), $"resume made no {final}.\n" + resume.Describe());
        var decode = await Ffmpeg.DecodeAsync(final);
        Assert.True(decode.ExitCode == 0 && decode.Stderr.Length == 0, "The resumed output does not decode cleanly.\n" + decode.Describe());
        Assert.Empty(PartialFiles(output));
        var job = (await BatchReport.ReadAsync(output)).Job("long.mp4", "web_optimized");
        Assert.True(job.Status == "succeeded", $"long.mp4 (web_optimized): status {job.Status} after resume, expected succeeded");
    }

    [Fact]
    public async Task Ctrl_c_to_the_whole_process_group_names_only_summary_files_that_exist_and_fails_no_job()
    {
        // A terminal's Ctrl+C reaches every process of the foreground group: spool and its ffmpeg and ffprobe alike.
        using var temp = new TempFolder("interrupt-group");
        var cli = SpoolCli.In(temp);
        var sources = temp.Combine("in");
        Directory.CreateDirectory(sources);
        foreach (var name in (string[])["a", "b", "c"])
        {
            await MediaFactory.ClipAsync(Path.Combine(sources, name + ".mp4"), new ClipSpec(1280, 720, "30", 6));
        }

        var output = temp.Combine("out");
        using var spool = await cli.StartGroupAsync("process", sources, "--preset", "web_optimized", "--output", output, "--max-concurrent", "2");
        if (await WaitForPartialAsync(output, spool.Tool, TimeSpan.FromMinutes(2)) is null)
        {
            Assert.Fail("No .partial file appeared while the batch ran.\n" + (await spool.WaitAsync(ToolRun.DefaultLimit)).Describe());
        }

        var kill = await ToolRun.RunAsync("kill", ["-INT", "--", "-" + spool.GroupId.ToString(CultureInfo.InvariantCulture)]);
        Assert.True(kill.ExitCode == 0, kill.Describe());
        var run = await spool.WaitAsync(ToolRun.DefaultLimit);

        Assert.True(run.ExitCode == 130, "An interrupted batch exits 130.\n" + run.Describe());
        Assert.Empty(PartialFiles(output));
        var named = run.Stdout.Split('\n')
            .Where(line => line.StartsWith("Report: ", StringComparison.Ordinal) || line.StartsWith("HTML report: ", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..].Trim())
            .ToList();
        Assert.True(named.Count > 0, "After Ctrl+C the terminal names no report.\n" + run.Describe());
        Assert.All(named, path => Assert.True(File.Exists(path), $"The terminal names {path}, which does not exist.\n" + run.Describe()));
        Assert.DoesNotContain("No report", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("] failed ", run.Stdout, StringComparison.Ordinal);
        var batchId = StoredBatch.IdPrintedIn(run.Stdout) ?? throw new InvalidOperationException("process printed no batch id.\n" + run.Describe());
        var stored = await StoredBatch.ReadAsync(cli, batchId);
        Assert.All(stored.Jobs, job => Assert.True(
            job.State is "queued" or "succeeded",
            $"{job.Input} ({job.Preset}) is {job.State} ({job.ErrorCategory}) after Ctrl+C; a stopped job goes back to the queue.\n{stored.Json}\n{run.Describe()}"));
        Assert.All((await BatchReport.ReadAsync(output)).Jobs, job => Assert.NotEqual("input_corrupt", job.ErrorCategory));
    }

    private static List<string> PartialFiles(string output) => Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
        .Where(path => Path.GetFileName(path).Contains(".partial", StringComparison.Ordinal))
        .ToList();

    private static async Task<string?> WaitForPartialAsync(string output, RunningTool spool, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline && !spool.HasExited)
        {
            if (Directory.Exists(output)
                && Directory.EnumerateFiles(output, "*.partial*.mp4", SearchOption.AllDirectories).FirstOrDefault() is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        return null;
    }
}
