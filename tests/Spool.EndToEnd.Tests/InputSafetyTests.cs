using System.Diagnostics;
using Spool.EndToEnd.Tests.Fixtures;
using Spool.EndToEnd.Tests.Infrastructure;

namespace Spool.EndToEnd.Tests;

/// <summary>
/// Issue 10: inputs that are not what they seem. A FIFO hung `process` forever; a symlink loop under --recursive
/// transcoded one file 41 times; a --pattern reaching out of the scanned folder wrote outputs outside --output.
/// </summary>
public sealed class InputSafetyTests(SmallClipsFixture clips) : IClassFixture<SmallClipsFixture>
{
    /// <summary>Far more than a two-clip batch needs, far less than the default limit a hang would run into.</summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Fifo_among_the_inputs_fails_as_not_a_file_and_the_batch_finishes_promptly()
    {
        using var temp = new TempFolder("fifo");
        var folder = temp.NewFolder("in");
        File.Copy(clips.Clip, Path.Combine(folder, "clip.mp4"));
        await MakeFifoAsync(Path.Combine(folder, "pipe.mp4"));
        var named = temp.Combine("live");
        await MakeFifoAsync(named);
        await WarmAsync(clips.Cli);

        var run = await ToolRun.RunAsync(RepoPaths.Launcher, ["process", folder, named, "--preset", "fast_draft", "--output", temp.Combine("out")], limit: Prompt, environment: clips.Cli.Environment);

        Assert.True(run.ExitCode == 1, "A batch with failed jobs exits 1.\n" + run.Describe());
        var report = await BatchReport.ReadAsync(temp.Combine("out"));
        var problems = new Problems();
        foreach (var fifo in new[] { "pipe.mp4", "live" })
        {
            var job = report.Job(fifo, "fast_draft");
            problems.Check(job is { Status: "failed", ErrorCategory: "not_a_file", Attempts: 1 }, $"{fifo}: status {job.Status}, category {job.ErrorCategory}, attempts {job.Attempts}; expected failed once as not_a_file");
            problems.Check(job.ErrorMessage == $"{fifo} is a FIFO (named pipe), not a regular file.", $"{fifo}: message {job.ErrorMessage}");
        }

        var clip = report.Job("clip.mp4", "fast_draft");
        problems.Check(clip.Status == "succeeded" && File.Exists(clip.Output), $"clip.mp4: status {clip.Status}, output {clip.Output}; the regular input must succeed");
        problems.AssertNone(3, "jobs");
    }

    [Fact]
    public async Task Symlink_loop_under_recursive_processes_each_file_once()
    {
        using var temp = new TempFolder("loop");
        var tree = temp.NewFolder("tree");
        var sub = temp.NewFolder(Path.Combine("tree", "sub"));
        File.Copy(clips.Clip, Path.Combine(tree, "top.mp4"));
        File.Copy(clips.Clip, Path.Combine(sub, "deep.mp4"));
        Directory.CreateSymbolicLink(Path.Combine(sub, "loop"), "..");
        var output = temp.Combine("out");

        var run = await clips.Cli.RunAsync("process", tree, "--recursive", "--preset", "fast_draft", "--output", output);

        Assert.True(run.ExitCode == 0, run.Describe());
        var report = await BatchReport.ReadAsync(output);
        Assert.Equal(
            [Path.Combine(sub, "deep.mp4"), Path.Combine(tree, "top.mp4")],
            report.Jobs.Select(job => job.Input).Order(StringComparer.Ordinal));
        Assert.Equal(
            [Path.Combine(output, "sub", "deep", "video", "deep_fast_draft.mp4"), Path.Combine(output, "top", "video", "top_fast_draft.mp4")],
            OutputTree.VideoFiles(output));
    }

    [Fact]
    public async Task Pattern_reaching_out_of_the_folder_writes_nothing_outside_the_output_folder()
    {
        using var temp = new TempFolder("pattern-escape");
        var scanned = temp.NewFolder("in");
        var outside = temp.NewFolder("x");
        File.Copy(clips.Clip, Path.Combine(outside, "clip.mp4"));
        var output = temp.Combine("out");
        var before = FilesOutside(temp, output);

        var run = await clips.Cli.RunAsync("process", scanned, "--recursive", "--pattern", "../x/*", "--preset", "fast_draft", "--output", output);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal(before, FilesOutside(temp, output));
        var job = Assert.Single((await BatchReport.ReadAsync(output)).Jobs);
        Assert.Equal(Path.Combine(outside, "clip.mp4"), job.Input);
        Assert.Equal(Path.Combine(output, "x", "clip", "video", "clip_fast_draft.mp4"), job.Output);
        Assert.True(File.Exists(job.Output), run.Describe());
    }

    /// <summary>Every file under the test's folder but the output folder and the store: what a batch must not touch.</summary>
    private static List<string> FilesOutside(TempFolder temp, string output) =>
        Directory.EnumerateFiles(temp.Path, "*", SearchOption.AllDirectories)
            .Where(file => !file.StartsWith(output + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !file.StartsWith(temp.Combine("spool-home") + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static async Task WarmAsync(SpoolCli cli)
    {
        // The launcher may rebuild the CLI first; that must not count against the time the batch is given.
        var warm = await cli.RunAsync("--help");
        Assert.True(warm.ExitCode == 0, warm.Describe());
    }

    private static async Task MakeFifoAsync(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        await mkfifo.WaitForExitAsync();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
