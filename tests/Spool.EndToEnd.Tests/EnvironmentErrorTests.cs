using Spool.EndToEnd.Tests.Fixtures;
using Spool.EndToEnd.Tests.Infrastructure;

namespace Spool.EndToEnd.Tests;

/// <summary>
/// Issue 10: what the machine gets wrong is classified as the machine's. An output folder that cannot be made is
/// output_unwritable (it said input_missing); a missing ffmpeg is a clear error that burns no attempt; two submits in
/// the same second both succeed under distinct batch ids (the second one failed).
/// </summary>
public sealed class EnvironmentErrorTests(SmallClipsFixture clips) : IClassFixture<SmallClipsFixture>
{
    private const string OutputHint = "Spool cannot make or write this output path: make --output a folder you can write (not a file, not under one) on a mounted disk.";

    [Fact]
    public async Task Output_folder_under_a_regular_file_fails_as_output_unwritable_with_its_hint()
    {
        using var temp = new TempFolder("unwritable");
        var blocker = temp.Combine("blocker");
        await File.WriteAllTextAsync(blocker, "a file where the output folder should be");

        var run = await SpoolCli.In(temp).RunAsync("process", clips.Clip, "--preset", "fast_draft", "--output", Path.Combine(blocker, "out"));

        Assert.True(run.ExitCode == 1, "A batch whose job failed exits 1.\n" + run.Describe());
        var lines = run.Stdout.Split('\n').Select(line => line.Trim()).ToList();
        var failed = lines.FindIndex(line => line.StartsWith($"failed {clips.Clip} (fast_draft): ", StringComparison.Ordinal));
        Assert.True(failed >= 0, "No failure line for the clip.\n" + run.Describe());
        Assert.StartsWith($"failed {clips.Clip} (fast_draft): output_unwritable: ", lines[failed], StringComparison.Ordinal);
        Assert.Contains(Path.Combine(blocker, "out"), lines[failed], StringComparison.Ordinal);
        Assert.Equal("hint: " + OutputHint, lines[failed + 1]);
        Assert.DoesNotContain(lines, line => line.StartsWith("Report: ", StringComparison.Ordinal));
        Assert.Equal("a file where the output folder should be", await File.ReadAllTextAsync(blocker));
    }

    [Fact]
    public async Task Missing_ffmpeg_exits_3_naming_spool_ffmpeg_and_stores_nothing()
    {
        using var temp = new TempFolder("no-ffmpeg");
        var cli = SpoolCli.In(temp);
        var missing = temp.Combine("bin", "ffmpeg");

        var run = await RunWithFfmpegAsync(cli, missing, "process", clips.Clip, "--preset", "fast_draft", "--output", temp.Combine("out"));

        Assert.True(run.ExitCode == 3, "No ffmpeg is an unusable environment (exit 3).\n" + run.Describe());
        Assert.Equal($"spool: SPOOL_FFMPEG is '{missing}', which cannot run. Point it at an ffmpeg binary, or unset it to use the one on PATH.\n", run.Stderr);
        Assert.Empty(await StoredBatch.ListIdsAsync(cli));
        Assert.False(Directory.Exists(temp.Combine("out")));
    }

    [Fact]
    public async Task Worker_without_ffmpeg_exits_3_and_leaves_the_queued_job_untouched()
    {
        using var temp = new TempFolder("worker-no-ffmpeg");
        var cli = SpoolCli.In(temp);
        var submit = await cli.RunAsync("submit", clips.Clip, "--preset", "fast_draft", "--output", temp.Combine("out"), "--retry-count", "2");
        Assert.True(submit.ExitCode == 0, submit.Describe());
        var batchId = StoredBatch.IdPrintedIn(submit.Stdout)!;

        var worker = await RunWithFfmpegAsync(cli, temp.Combine("bin", "ffmpeg"), "worker", "--drain");

        Assert.True(worker.ExitCode == 3, worker.Describe());
        var job = (await StoredBatch.ReadAsync(cli, batchId)).Job("clip.mp4", "fast_draft");
        Assert.Equal(("queued", 0, (string?)null), (job.State, job.Attempts, job.ErrorCategory));
    }

    [Fact]
    public async Task Submits_started_together_all_succeed_under_distinct_ids()
    {
        using var temp = new TempFolder("same-second");
        var cli = SpoolCli.In(temp);
        var warm = await cli.RunAsync("--help");
        Assert.True(warm.ExitCode == 0, warm.Describe());

        // Started together, they compute the same second's id; each must still be stored.
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(i =>
            cli.RunAsync("submit", clips.Clip, "--preset", "fast_draft", "--output", temp.Combine($"out{i}"))));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Describe()));
        var printed = runs.Select(run => StoredBatch.IdPrintedIn(run.Stdout)).ToList();
        Assert.All(printed, id => Assert.NotNull(id));
        Assert.Equal(3, printed.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(printed.Order(StringComparer.Ordinal), (await StoredBatch.ListIdsAsync(cli)).Order(StringComparer.Ordinal));
    }

    private static Task<ToolResult> RunWithFfmpegAsync(SpoolCli cli, string ffmpeg, params string[] arguments)
    {
        var environment = new Dictionary<string, string?>(cli.Environment, StringComparer.Ordinal) { ["SPOOL_FFMPEG"] = ffmpeg };
        return ToolRun.RunAsync(RepoPaths.Launcher, arguments, RepoPaths.Root, environment: environment);
    }
}
