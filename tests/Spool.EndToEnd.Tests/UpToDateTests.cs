using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;

namespace Spool.EndToEnd.Tests;

/// <summary>
/// Issue 12, item 4: a re-run of an unchanged batch does no work. A job whose input, plan and output are all as the
/// store recorded them ends at once as skipped ("up to date"); a changed input, --force or a missing output redoes it.
/// </summary>
public sealed class UpToDateTests
{
    [Fact]
    public async Task Second_run_skips_every_job_as_up_to_date_and_leaves_the_outputs_untouched()
    {
        using var temp = new TempFolder("uptodate");
        var (inputs, outputDir, cli) = await BatchAsync(temp, "a.mp4", "b.mp4");
        var first = await cli.RunAsync("process", inputs, "--preset", "fast_draft", "--output", outputDir);
        Assert.True(first.ExitCode == 0, first.Describe());
        var outputs = new[] { Output(outputDir, "a"), Output(outputDir, "b") };
        var before = await Task.WhenAll(outputs.Select(FileIdentity.OfAsync));
        var logBefore = await File.ReadAllTextAsync(Path.Combine(outputDir, "a", "metadata", "a_fast_draft.log"));

        var second = await cli.RunAsync("process", inputs, "--preset", "fast_draft", "--output", outputDir);

        Assert.True(second.ExitCode == 0, second.Describe());
        var report = await BatchReport.ReadAsync(outputDir);
        Assert.Equal(
            [("a.mp4", "skipped", outputs[0], "up to date"), ("b.mp4", "skipped", outputs[1], "up to date")],
            report.Jobs.Select(job => (Path.GetFileName(job.Input), job.Status, job.Output, job.Raw.GetProperty("reason").GetString())));
        Assert.Equal((0, 2), (report.SummaryCount("succeeded"), report.SummaryCount("skipped")));
        Assert.Equal(before, await Task.WhenAll(outputs.Select(FileIdentity.OfAsync)));

        // No ffmpeg ran for the job: its log gained the skip and no command.
        var logAfter = await File.ReadAllTextAsync(Path.Combine(outputDir, "a", "metadata", "a_fast_draft.log"));
        Assert.StartsWith(logBefore, logAfter, StringComparison.Ordinal);
        Assert.Equal("# up to date: " + outputs[0] + " is unchanged since it was made from an unchanged input by the same plan; nothing to do (--force redoes it)\n", logAfter[logBefore.Length..]);
    }

    [Fact]
    public async Task A_changed_input_a_deleted_output_or_force_redo_the_job()
    {
        using var temp = new TempFolder("uptodate-redo");
        var (inputs, outputDir, cli) = await BatchAsync(temp, "a.mp4", "b.mp4", "c.mp4");
        Assert.Equal(0, (await cli.RunAsync("process", inputs, "--preset", "fast_draft", "--output", outputDir)).ExitCode);

        // a: touched (same bytes, new mtime); b: bytes appended; c: unchanged.
        File.SetLastWriteTimeUtc(Path.Combine(inputs, "a.mp4"), DateTime.UtcNow.AddMinutes(1));
        await File.AppendAllTextAsync(Path.Combine(inputs, "b.mp4"), "appended");
        var changed = await cli.RunAsync("process", inputs, "--preset", "fast_draft", "--output", outputDir);
        Assert.True(changed.ExitCode == 0, changed.Describe());
        Assert.Equal(["succeeded", "succeeded", "skipped"], (await BatchReport.ReadAsync(outputDir)).Jobs.Select(job => job.Status));

        File.Delete(Output(outputDir, "c"));
        var deleted = await cli.RunAsync("process", inputs, "--preset", "fast_draft", "--output", outputDir);
        Assert.True(deleted.ExitCode == 0, deleted.Describe());
        Assert.Equal(["skipped", "skipped", "succeeded"], (await BatchReport.ReadAsync(outputDir)).Jobs.Select(job => job.Status));
        Assert.True(File.Exists(Output(outputDir, "c")));

        var before = await FileIdentity.OfAsync(Output(outputDir, "a"));
        var forced = await cli.RunAsync("process", inputs, "--preset", "fast_draft", "--output", outputDir, "--force");
        Assert.True(forced.ExitCode == 0, forced.Describe());
        Assert.Equal(["succeeded", "succeeded", "succeeded"], (await BatchReport.ReadAsync(outputDir)).Jobs.Select(job => job.Status));
        Assert.NotEqual(before, await FileIdentity.OfAsync(Output(outputDir, "a")));
    }

    private static string Output(string outputDir, string name) => Path.Combine(outputDir, name, "video", name + "_fast_draft.mp4");

    private static async Task<(string Inputs, string OutputDir, SpoolCli Cli)> BatchAsync(TempFolder temp, params string[] names)
    {
        var inputs = temp.NewFolder("in");
        var first = Path.Combine(inputs, names[0]);
        await MediaFactory.ClipAsync(first, ClipSpec.Small());
        foreach (var name in names.Skip(1))
        {
            File.Copy(first, Path.Combine(inputs, name));
        }

        return (inputs, temp.Combine("out"), SpoolCli.In(temp));
    }
}
