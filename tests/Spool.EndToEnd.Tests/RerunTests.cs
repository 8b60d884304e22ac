using Spool.EndToEnd.Tests.Fixtures;
using Spool.EndToEnd.Tests.Infrastructure;

namespace Spool.EndToEnd.Tests;

/// <summary>
/// Issue 11: `spool process . --recursive` run twice in a footage folder re-ingested the first run's batch_output
/// and nested it (batch_output/batch_output/…). Outputs are never inputs, and the second run says what it replaces.
/// </summary>
public sealed class RerunTests(SmallClipsFixture clips) : IClassFixture<SmallClipsFixture>
{
    [Fact]
    public async Task Second_recursive_run_in_the_footage_folder_takes_nothing_from_batch_output()
    {
        using var temp = new TempFolder("rerun");
        var footage = temp.NewFolder("footage");
        File.Copy(clips.Clip, Path.Combine(footage, "a.mp4"));
        File.Copy(clips.Clip, Path.Combine(footage, "b.mp4"));
        var output = Path.Combine(footage, "batch_output");

        var first = await clips.Cli.RunInAsync(footage, "process", ".", "--recursive", "--preset", "fast_draft");
        Assert.True(first.ExitCode == 0, first.Describe());
        var firstId = (await BatchReport.ReadAsync(output)).BatchId;
        var second = await clips.Cli.RunInAsync(footage, "process", ".", "--recursive", "--preset", "fast_draft");

        Assert.True(second.ExitCode == 0, second.Describe());
        var report = await BatchReport.ReadAsync(output);
        Assert.NotEqual(firstId, report.BatchId);
        Assert.Equal([Path.Combine(footage, "a.mp4"), Path.Combine(footage, "b.mp4")], report.Jobs.Select(job => job.Input).Order(StringComparer.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(output, "batch_output")), "The second run nested the first one's outputs:\n" + OutputTree.Describe(output));
        Assert.Equal(
            [Path.Combine(output, "a", "video", "a_fast_draft.mp4"), Path.Combine(output, "b", "video", "b_fast_draft.mp4")],
            OutputTree.VideoFiles(output));
        Assert.Equal($"{firstId}\n{report.BatchId}\n", await File.ReadAllTextAsync(Path.Combine(output, ".spool-output")));
        Assert.Contains($"{output} already holds outputs of batch {firstId}: outputs that are up to date are kept (skipped), other files of the same name are replaced.", second.Stderr, StringComparison.Ordinal);
        Assert.Equal(["skipped", "skipped"], report.Jobs.Select(job => job.Status));
    }
}
