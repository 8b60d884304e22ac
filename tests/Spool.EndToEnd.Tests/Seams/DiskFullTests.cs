using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;

namespace Spool.EndToEnd.Tests.Seams;

/// <summary>
/// Issue 10.8: the output disk fills up during an encode (a 400 kB tmpfs here). The job fails as disk_full, its
/// partial file is removed (which frees the space again), and the batch's summary is still written.
/// </summary>
public sealed class DiskFullTests
{
    [Fact]
    public async Task A_full_output_disk_fails_the_job_removes_its_partial_and_still_writes_the_summary()
    {
        using var temp = new TempFolder("disk-full");
        var cli = SpoolCli.In(temp);
        var source = temp.Combine("clip.mp4");
        await MediaFactory.ClipAsync(source, new ClipSpec(1280, 720, "30", 4));
        var disk = temp.Combine("small-disk");
        Directory.CreateDirectory(disk);
        var mount = await ToolRun.RunAsync("mount", ["-t", "tmpfs", "-o", "size=400k", "tmpfs", disk]);
        Assert.True(mount.ExitCode == 0, "This test needs root to mount a small tmpfs as a full disk.\n" + mount.Describe());
        try
        {
            var output = Path.Combine(disk, "out");
            var run = await cli.RunAsync("process", source, "--preset", "high_quality", "--output", output, "--retry-count", "0");

            Assert.True(run.ExitCode == 1, "A batch whose only job failed exits 1.\n" + run.Describe());
            Assert.Empty(Partials.In(output));
            var job = (await BatchReport.ReadAsync(output)).Job("clip.mp4", "high_quality");
            Assert.True(job.Status == "failed" && job.ErrorCategory == "disk_full", $"The job is {job.Status} ({job.ErrorCategory}), expected failed (disk_full).\n" + run.Describe());
            Assert.Contains("Report: " + Path.Combine(output, "summary", "batch_report.json"), run.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            await ToolRun.RunAsync("umount", ["-l", disk]);
        }
    }
}
