using System.Globalization;
using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;
using Xunit.Abstractions;

namespace Spool.EndToEnd.Tests.Queue;

/// <summary>
/// Issue 3: `kill -9` at any moment leaves a store that resume completes. A real batch of 30 jobs is killed (spool
/// and its ffmpeg children) at 20 random moments and resumed after each; in the end every output exists exactly once.
/// </summary>
public sealed class CrashTests(ITestOutputHelper log)
{
    private const int Kills = 20;
    private const int ClipCount = 15;
    private static readonly string[] Presets = ["web_optimized", "mobile_optimized"];

    [Fact]
    public async Task Crash_test_kills_spool_at_random_moments_and_every_output_appears_exactly_once()
    {
        using var temp = new TempFolder("crash");
        var cli = SpoolCli.In(temp);
        var inputs = await ClipsAsync(temp);
        var output = temp.Combine("out");

        // The launcher builds the CLI when sources changed; that must not happen inside the kill loop.
        var warm = await cli.RunAsync("--help");
        Assert.True(warm.ExitCode == 0, warm.Describe());

        // Kill moments: a third of the runs are killed 0.1–2 s after they start (start-up, rescue, requeue, claims);
        // the rest 0–3 s after their first encode starts (encodes, renames, completion writes, the next claims), which
        // keeps every run making progress however slow the machine. The first process run is timed from its printed
        // batch id, so that it usually gets as far as storing the batch; one killed before that is simply run again.
        // Seeded: the moments replay.
        var random = new Random(20260415);
        var history = new List<string>();
        string? batchId = null;
        var finishedEarly = false;
        for (var kill = 1; kill <= Kills && !finishedEarly; kill++)
        {
            string[] command = batchId is null
                ? ["process", inputs, "--preset", string.Join(',', Presets), "--max-concurrent", "2", "--output", output, "--quiet"]
                : ["resume", "--job-id", batchId, "--max-concurrent", "2", "--quiet"];
            var early = random.Next(3) == 0;
            var delay = TimeSpan.FromMilliseconds(early ? random.Next(100, 2000) : random.Next(0, 3000));
            using var run = await cli.StartGroupAsync(command);
            var anchor = "its start";
            if (batchId is null)
            {
                anchor = "its batch id";
                await WaitForPrintedIdAsync(run.Tool);
            }
            else if (!early)
            {
                anchor = "its first encode";
                await WaitForEncodeAsync(run, temp.Path);
            }

            var moment = string.Create(CultureInfo.InvariantCulture, $"{delay.TotalSeconds:0.00} s after {anchor}");
            if (await run.ExitsWithinAsync(delay))
            {
                var ended = await run.WaitAsync(TimeSpan.FromSeconds(30));
                Assert.True(ended.ExitCode == 0 && batchId is not null, $"Run {kill} ended by itself without success.\n{string.Join('\n', history)}\n" + ended.Describe());
                history.Add($"run {kill}: {command[0]} finished the batch before its kill {moment}");
                finishedEarly = true;
                continue;
            }

            var killed = await run.KillAsync();
            batchId ??= await StoredBatchIdAsync(cli, killed);
            history.Add($"run {kill}: {command[0]} killed {moment}{Building(killed)}; {OutputTree.FinalVideos(output).Count} outputs; batch {batchId ?? "not stored yet"}");
        }

        log.WriteLine(string.Join('\n', history));
        Assert.True(batchId is not null, "No run got as far as storing the batch:\n" + string.Join('\n', history));
        var last = await cli.RunAsync("resume", "--job-id", batchId!, "--max-concurrent", "2", "--quiet");
        Assert.True(last.ExitCode == 0, $"The final resume did not finish the batch.\n{string.Join('\n', history)}\n" + last.Describe());

        var problems = new Problems();
        var expected = Enumerable.Range(1, ClipCount)
            .SelectMany(i => Presets.Select(preset => Path.Combine(output, $"clip{i:00}", "video", $"clip{i:00}_{preset}.mp4")))
            .Order(StringComparer.Ordinal)
            .ToList();
        var found = OutputTree.VideoFiles(output);
        problems.Check(found.SequenceEqual(expected), $"the video folders hold {found.Count} files, expected exactly the {expected.Count} outputs:\n  {OutputTree.Describe(output)}");
        problems.Check(OutputTree.PartialFiles(output).Count == 0, "partial files remain: " + string.Join(", ", OutputTree.PartialFiles(output)));
        foreach (var video in expected.Where(File.Exists))
        {
            var decode = await Ffmpeg.DecodeAsync(video);
            problems.Check(decode.ExitCode == 0 && decode.Stderr.Length == 0, $"{Path.GetFileName(video)} does not decode cleanly: {decode.Stderr.Trim()}");
        }

        var stored = await StoredBatch.ReadAsync(cli, batchId!);
        problems.Check(stored.State == "completed", $"status says {stored.State}, expected completed");
        problems.Check(stored.Jobs.Count == expected.Count && stored.Jobs.All(job => job.State == "succeeded"), "not every job succeeded:\n" + stored.Json);
        var report = await BatchReport.ReadAsync(output);
        problems.Check(report.Jobs.Count == expected.Count && report.Jobs.All(job => job.Status == "succeeded"), $"batch_report.json: {report.Summary}");
        problems.Check(ProcTable.FfmpegMentioning(temp.Path).Count == 0, "ffmpeg processes of the batch are still running");
        problems.AssertNone(expected.Count, "outputs\n" + string.Join('\n', history));
    }

    private static async Task WaitForPrintedIdAsync(RunningTool run)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (StoredBatch.IdPrintedIn(run.StdoutSoFar) is null && !run.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }

    /// <summary>Until the run's first ffmpeg on the test's media starts (or the run ends, or a minute passes).</summary>
    private static async Task WaitForEncodeAsync(ProcessGroup run, string mediaFolder)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (!run.HasExited && DateTime.UtcNow < deadline
            && !ProcTable.InGroup(run.GroupId).Any(entry => entry.Comm == "ffmpeg" && ProcTable.CommandLine(entry.Pid).Contains(mediaFolder, StringComparison.Ordinal)))
        {
            await Task.Delay(20);
        }
    }

    private static string Building(ToolResult killed) =>
        killed.Stderr.Contains("building the CLI", StringComparison.Ordinal) ? " (while ./spool was rebuilding the CLI)" : "";

    /// <summary>The batch the killed run stored, if it got that far: the store is the witness, not what was printed.</summary>
    private static async Task<string?> StoredBatchIdAsync(SpoolCli cli, ToolResult killed)
    {
        var ids = await StoredBatch.ListIdsAsync(cli);
        Assert.True(ids.Count <= 1, $"The store holds {ids.Count} batches after one killed process run: {string.Join(", ", ids)}\n" + killed.Describe());
        return ids.SingleOrDefault();
    }

    /// <summary>Fifteen distinct inputs (copies of one generated clip), about a second of work each for both presets: 20–30 s for the batch.</summary>
    private static async Task<string> ClipsAsync(TempFolder temp)
    {
        var folder = temp.NewFolder("in");
        var first = Path.Combine(folder, "clip01.mp4");
        await MediaFactory.ClipAsync(first, new ClipSpec(480, 270, "25", 2));
        for (var i = 2; i <= ClipCount; i++)
        {
            File.Copy(first, Path.Combine(folder, $"clip{i:00}.mp4"));
        }

        return folder;
    }
}
