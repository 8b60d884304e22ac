using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;

namespace Spool.EndToEnd.Tests.Queue;

/// <summary>Issue 3: --timeout ends a job as timeout, and no ffmpeg outlives its job.</summary>
public sealed class TimeoutTests
{
    [Fact]
    public async Task Timeout_ends_a_long_encode_as_timeout_and_leaves_no_ffmpeg()
    {
        using var temp = new TempFolder("timeout");
        var cli = SpoolCli.In(temp);
        var source = temp.Combine("long1080.mp4");

        // Twelve seconds of 1080p at high_quality (x264 slow, CRF 18) is far more than two seconds of work anywhere.
        await MediaFactory.ClipAsync(source, new ClipSpec(1920, 1080, "25", 12));
        var output = temp.Combine("out");

        ToolResult run;
        using (var spool = await cli.StartGroupAsync("process", source, "--preset", "high_quality", "--timeout", "2", "--output", output))
        {
            // A generous bound that only catches a hang: the encode alone would run far longer.
            run = await spool.WaitAsync(TimeSpan.FromSeconds(45));
            var leftInGroup = ProcTable.InGroup(spool.GroupId).Where(entry => entry.Comm == "ffmpeg" && entry.State != 'Z').ToList();
            Assert.True(leftInGroup.Count == 0, $"ffmpeg processes of the batch outlived it: {string.Join(", ", leftInGroup)}");
        }

        Assert.True(run.ExitCode == 1, "A batch whose only job timed out exits 1.\n" + run.Describe());
        var job = (await BatchReport.ReadAsync(output)).Job("long1080.mp4", "high_quality");
        Assert.True(job is { Status: "failed", ErrorCategory: "timeout" }, $"{job.Describe}: status {job.Status}, category {job.ErrorCategory}; expected failed as timeout\n{job.Raw}");
        Assert.Empty(ProcTable.FfmpegMentioning(temp.Path));
        Assert.Empty(OutputTree.PartialFiles(output));
        Assert.False(File.Exists(temp.Combine("out", "long1080", "video", "long1080_high_quality.mp4")), "a timed-out job left a final output");
    }
}
