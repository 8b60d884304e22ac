using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;

namespace Spool.EndToEnd.Tests.Seams;

/// <summary>
/// Issue 10, the crash test's "The batch wrote no report": the process that closes a batch is killed after the
/// store marked it completed but before summary/ was written (the thumbnails take seconds). Nothing was left to run,
/// so no one wrote it. The next resume of the batch must write the missing summary.
/// </summary>
public sealed class SummaryRecoveryTests
{
    [Fact]
    public async Task Resume_writes_the_summary_of_a_completed_batch_whose_writer_died()
    {
        using var temp = new TempFolder("summary-lost");
        var cli = SpoolCli.In(temp);
        var source = temp.Combine("clip.mp4");
        await MediaFactory.ClipAsync(source, ClipSpec.Small());
        var output = temp.Combine("out");
        var run = await cli.RunAsync("process", source, "--preset", "web_optimized", "--output", output, "--quiet");
        Assert.True(run.ExitCode == 0, run.Describe());
        var batchId = StoredBatch.IdPrintedIn(run.Stdout)!;
        var summary = Path.Combine(output, "summary");
        Directory.Delete(summary, recursive: true);

        var resume = await cli.RunAsync("resume", "--job-id", batchId, "--quiet");

        Assert.True(resume.ExitCode == 0, resume.Describe());
        var report = await BatchReport.ReadAsync(output);
        Assert.Equal("succeeded", report.Job("clip.mp4", "web_optimized").Status);
        Assert.True(File.Exists(Path.Combine(summary, "report.html")), "resume wrote no report.html");
    }
}
