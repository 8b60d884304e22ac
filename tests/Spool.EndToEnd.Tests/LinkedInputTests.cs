using Spool.EndToEnd.Tests.Fixtures;
using Spool.EndToEnd.Tests.Infrastructure;

namespace Spool.EndToEnd.Tests;

/// <summary>
/// Issue 11: a symbolic link is the file it names. A symlinked input (a NAS staging folder of links) failed as
/// "truncated: 26 bytes" (the link's own size); a broken link and a link loop must fail as input_missing, saying why.
/// </summary>
public sealed class LinkedInputTests(SmallClipsFixture clips) : IClassFixture<SmallClipsFixture>
{
    [Fact]
    public async Task Symlinked_file_and_folder_of_symlinks_are_processed_through_the_link()
    {
        using var temp = new TempFolder("links");
        var real = temp.NewFolder("real");
        var staging = temp.NewFolder("staging");
        File.Copy(clips.Clip, Path.Combine(real, "a.mp4"));
        File.Copy(clips.Clip, Path.Combine(real, "b.mp4"));
        File.Copy(clips.Clip, Path.Combine(real, "named.mp4"));
        File.CreateSymbolicLink(Path.Combine(staging, "a.mp4"), Path.Combine(real, "a.mp4"));
        File.CreateSymbolicLink(Path.Combine(staging, "b.mp4"), "../real/b.mp4");
        var named = temp.Combine("named_link.mp4");
        File.CreateSymbolicLink(named, Path.Combine(real, "named.mp4"));
        var output = temp.Combine("out");

        var run = await clips.Cli.RunAsync("process", staging, named, "--preset", "fast_draft", "--output", output);

        Assert.True(run.ExitCode == 0, "Linked inputs must all succeed.\n" + run.Describe());
        var report = await BatchReport.ReadAsync(output);
        Assert.Equal(["a.mp4", "b.mp4", "named_link.mp4"], report.Jobs.Select(job => Path.GetFileName(job.Input)).Order(StringComparer.Ordinal));
        var problems = new Problems();
        foreach (var job in report.Jobs)
        {
            problems.Check(job.Status == "succeeded" && job.ErrorCategory is null, $"{job.Describe}: {job.Status} {job.ErrorCategory} {job.ErrorMessage}");
            var decode = job.Output is null ? null : await Ffmpeg.DecodeAsync(job.Output);
            problems.Check(decode is { ExitCode: 0, Stderr: "" }, $"{job.Describe}: output {job.Output} does not decode cleanly: {decode?.Stderr}");
        }

        problems.AssertNone(3, "jobs");
    }

    [Fact]
    public async Task Broken_symlink_and_symlink_loop_fail_as_input_missing_saying_why()
    {
        using var temp = new TempFolder("bad-links");
        var folder = temp.NewFolder("in");
        File.Copy(clips.Clip, Path.Combine(folder, "good.mp4"));
        File.CreateSymbolicLink(Path.Combine(folder, "broken.mp4"), "gone.mp4");
        File.CreateSymbolicLink(Path.Combine(folder, "loop_a.mp4"), "loop_b.mp4");
        File.CreateSymbolicLink(Path.Combine(folder, "loop_b.mp4"), "loop_a.mp4");
        var output = temp.Combine("out");

        var run = await clips.Cli.RunAsync("process", folder, "--preset", "fast_draft", "--output", output);

        Assert.True(run.ExitCode == 1, "A batch with failed jobs exits 1.\n" + run.Describe());
        var report = await BatchReport.ReadAsync(output);
        var failures = report.Jobs.Where(job => job.Status == "failed")
            .Select(job => (Path.GetFileName(job.Input), job.ErrorCategory, job.ErrorMessage))
            .Order();
        Assert.Equal(
            [
                ("broken.mp4", "input_missing", "broken.mp4 is a symbolic link to gone.mp4, which does not exist."),
                ("loop_a.mp4", "input_missing", "loop_a.mp4 is a symbolic link that never reaches a file (a loop of links)."),
                ("loop_b.mp4", "input_missing", "loop_b.mp4 is a symbolic link that never reaches a file (a loop of links)."),
            ],
            failures);
        Assert.Equal("succeeded", report.Job("good.mp4", "fast_draft").Status);
    }
}
