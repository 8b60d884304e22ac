using System.Diagnostics;
using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;

namespace Spool.EndToEnd.Tests.Queue;

/// <summary>
/// Issue 10: a batch's own limits hold whatever the worker's -j. The witness is the process table: ffmpeg processes
/// that read the batch's input folder (encodes, QC; not the report's thumbnails, which read outputs).
/// </summary>
public sealed class BatchLimitsTests
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_sequential_batch_never_runs_two_work_items_at_once_on_a_worker_with_three_slots()
    {
        using var temp = new TempFolder("sequential");
        var cli = SpoolCli.In(temp);
        var inputs = await ClipsAsync(temp, 4);
        var submit = await cli.RunAsync("submit", inputs, "--preset", "web_optimized", "--qc", "off", "--parallel-strategy", "sequential", "--output", temp.Combine("results"));
        Assert.True(submit.ExitCode == 0, submit.Describe());

        await using var watch = new FfmpegWatch(inputs);
        ToolResult run;
        using (var worker = await cli.StartGroupAsync("worker", "--drain", "--max-concurrent", "3"))
        {
            watch.Watch(worker);
            run = await worker.WaitAsync(RunLimit);
        }

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.True(watch.MaxJobsAtOnce == 1, $"{watch.MaxJobsAtOnce} ffmpeg processes of a sequential batch ran at once ({watch.Samples} samples)");
        Assert.Equal(4, OutputTree.FinalVideos(temp.Combine("results")).Count);
    }

    [Fact]
    public async Task Adaptive_admission_under_a_busy_cpu_starts_one_encode_at_a_time()
    {
        using var temp = new TempFolder("adaptive");
        var cli = SpoolCli.In(temp);
        var inputs = await ClipsAsync(temp, 3);
        await using var watch = new FfmpegWatch(inputs);

        // Both cores busy for the whole run: a 10 % threshold can never be met, so only the one item that may always run runs.
        var busy = Enumerable.Range(0, Math.Max(2, Environment.ProcessorCount)).Select(_ => Process.Start("sh", ["-c", "while :; do :; done"])).ToList();
        ToolResult run;
        try
        {
            using var process = await cli.StartGroupAsync("process", inputs, "--preset", "web_optimized", "--qc", "off", "--output", temp.Combine("results"),
                "--parallel-strategy", "adaptive", "--cpu-threshold", "10", "--max-concurrent", "3");
            watch.Watch(process);
            run = await process.WaitAsync(RunLimit);
        }
        finally
        {
            foreach (var loop in busy)
            {
                loop.Kill();
                await loop.WaitForExitAsync();
                loop.Dispose();
            }
        }

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.True(watch.MaxJobsAtOnce == 1, $"{watch.MaxJobsAtOnce} encodes ran at once with the CPU busy and --cpu-threshold 10 ({watch.Samples} samples)");
        Assert.Equal(3, OutputTree.FinalVideos(temp.Combine("results")).Count);
    }

    /// <summary>Copies of one small clip, each a second or two of encoding: long enough for the watch to see overlaps.</summary>
    private static async Task<string> ClipsAsync(TempFolder temp, int count)
    {
        var folder = temp.NewFolder("inputs");
        var first = Path.Combine(folder, "clip1.mp4");
        await MediaFactory.ClipAsync(first, new ClipSpec(640, 360, "25", 3));
        for (var i = 2; i <= count; i++)
        {
            File.Copy(first, Path.Combine(folder, $"clip{i}.mp4"));
        }

        return folder;
    }
}
