using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;

namespace Spool.EndToEnd.Tests.Queue;

/// <summary>
/// Issue 3, first "done when": a batch killed with SIGKILL (spool and its ffmpeg children, as a power cut would) is
/// not shown as completed or running, and resume finishes it without touching what was already finished, never
/// running more encodes at once than --max-concurrent.
/// </summary>
public sealed class KilledBatchResumeTests
{
    private const int ClipCount = 8;
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Killed_batch_resumes_to_completion_without_redoing_finished_outputs()
    {
        using var temp = new TempFolder("killed");
        var cli = SpoolCli.In(temp);
        var inputs = await ClipsAsync(temp);
        var output = temp.Combine("out");
        string[] run = ["--preset", "high_quality", "--max-concurrent", "2", "--output", output];
        await using var watch = new FfmpegWatch(temp.Path);

        ToolResult killed;
        List<FileIdentity> finished;
        using (var first = await cli.StartGroupAsync(["process", inputs, .. run]))
        {
            watch.Watch(first);
            var seen = await OutputTree.WaitForFinalVideosAsync(output, 2, first, RunLimit)
                ?? throw new InvalidOperationException("The batch ended before two outputs existed, so it could not be killed.\n" + (await first.WaitAsync(RunLimit)).Describe());
            finished = [.. await Task.WhenAll(seen.Take(2).Select(FileIdentity.OfAsync))];

            // A job is recorded as succeeded a moment after its output is renamed into place; the kill comes after that.
            await Task.Delay(500);
            killed = await first.KillAsync();
        }

        Assert.True(killed.ExitCode != 0, "The batch finished before the kill; the clips are too short for this machine.\n" + killed.Describe());
        var batchId = StoredBatch.IdPrintedIn(killed.Stdout) ?? throw new InvalidOperationException("process printed no batch id.\n" + killed.Describe());
        var afterKill = await StoredBatch.ReadAsync(cli, batchId);
        Assert.True(afterKill.State is not ("completed" or "running"), $"status calls the killed batch {afterKill.State}:\n{afterKill.Json}");

        ToolResult resumed;
        using (var resume = await cli.StartGroupAsync("resume", "--job-id", batchId, "--max-concurrent", "2"))
        {
            watch.Watch(resume);
            resumed = await resume.WaitAsync(RunLimit);
        }

        Assert.True(resumed.ExitCode == 0, "resume after SIGKILL finishes the batch.\n" + resumed.Describe());
        var problems = new Problems();
        var videos = OutputTree.FinalVideos(output);
        problems.Check(videos.Count == ClipCount, $"{videos.Count} final videos, expected {ClipCount}:\n  {OutputTree.Describe(output)}");
        foreach (var video in videos)
        {
            var decode = await Ffmpeg.DecodeAsync(video);
            problems.Check(decode.ExitCode == 0 && decode.Stderr.Length == 0, $"{Path.GetFileName(video)} does not decode cleanly: {decode.Stderr.Trim()}");
        }

        foreach (var before in finished)
        {
            var after = await FileIdentity.OfAsync(before.Path);
            problems.Check(after == before, $"finished before the kill, rewritten by resume: was {before}, now {after}");
        }

        problems.Check(OutputTree.PartialFiles(output).Count == 0, "partial files remain: " + string.Join(", ", OutputTree.PartialFiles(output)));
        problems.Check(watch.MaxJobsAtOnce <= 2, $"{watch.MaxJobsAtOnce} jobs' ffmpeg processes ran at once with --max-concurrent 2");
        problems.Check(watch.MaxJobsAtOnce >= 1 && watch.Samples > 10, $"the process watch saw no job's ffmpeg ({watch.Samples} samples): it cannot vouch for the limit");
        var done = await StoredBatch.ReadAsync(cli, batchId);
        problems.Check(done.State == "completed", $"status after resume says {done.State}, expected completed");
        problems.AssertNone(videos.Count, "outputs");
    }

    /// <summary>Eight distinct inputs (copies of one generated clip), each a few seconds of slow-preset work.</summary>
    private static async Task<string> ClipsAsync(TempFolder temp)
    {
        var folder = temp.NewFolder("in");
        var first = Path.Combine(folder, "clip1.mp4");
        await MediaFactory.ClipAsync(first, new ClipSpec(640, 360, "25", 2));
        for (var i = 2; i <= ClipCount; i++)
        {
            File.Copy(first, Path.Combine(folder, $"clip{i}.mp4"));
        }

        return folder;
    }
}
