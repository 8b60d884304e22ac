using System.Globalization;
using System.Text.Json;
using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;

namespace Spool.EndToEnd.Tests;

/// <summary>
/// Issue 12, item 5: a long input is encoded in chunks, each a job of its own, joined with the concat demuxer. The
/// joined output has exactly the source's frames and duration and passes QC; a kill -9 mid-chunks loses only the
/// chunks that were running.
/// </summary>
public sealed class ChunkedEncodeTests
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Chunked_encode_keeps_every_source_frame_passes_qc_and_reports_its_chunks()
    {
        using var temp = new TempFolder("chunked");
        var cli = SpoolCli.In(temp);
        var source = await SourceAsync(temp, 320, 240, 24, 50);
        var output = temp.Combine("out");

        var run = await cli.RunAsync("process", source, "--chunk", "6", "--preset", "web_optimized", "--max-concurrent", "2", "--output", output);

        Assert.True(run.ExitCode == 0, run.Describe());
        var report = await BatchReport.ReadAsync(output);
        var joined = report.Job("long.mp4", "web_optimized");
        Assert.Equal("succeeded", joined.Status);
        Assert.True(joined.Raw.GetProperty("qc").GetProperty("passed").GetBoolean(), joined.Raw.ToString());
        var chunks = report.JobsOf("long.mp4").Where(job => job.Raw.TryGetProperty("chunk", out _)).ToList();
        Assert.Equal(["web_optimized#chunk1", "web_optimized#chunk2", "web_optimized#chunk3", "web_optimized#chunk4"], chunks.Select(job => job.Preset).Order(StringComparer.Ordinal));
        Assert.All(chunks, job => Assert.Equal(("succeeded", (string?)null), (job.Status, job.Output)));
        Assert.Equal(
            ["1 of 4: 0-6", "2 of 4: 6-12", "3 of 4: 12-18", "4 of 4: 18-end"],
            chunks.Select(job => Describe(job.Raw.GetProperty("chunk"))).Order(StringComparer.Ordinal));

        var facts = await CountAsync(joined.Output!);
        Assert.Equal(600, facts.Frames);
        Assert.InRange(facts.Duration, 24 - 0.04, 24 + 0.04);
        Assert.Empty(Directory.GetDirectories(Path.Combine(output, "long", "video"), ".chunks-*"));
        Assert.Empty(OutputTree.PartialFiles(output));
    }

    [Fact]
    public async Task A_second_run_of_a_chunked_batch_skips_its_chunks_and_its_join_as_up_to_date_and_force_redoes_them()
    {
        using var temp = new TempFolder("chunked-rerun");
        var cli = SpoolCli.In(temp);
        var source = await SourceAsync(temp, 320, 240, 8, 25);
        var output = temp.Combine("out");
        string[] arguments = ["process", source, "--chunk", "3", "--preset", "web_optimized", "--output", output];
        var first = await cli.RunAsync(arguments);
        Assert.True(first.ExitCode == 0, first.Describe());
        var placed = Path.Combine(output, "long", "video", "long_web_optimized.mp4");
        var before = await FileIdentity.OfAsync(placed);
        var log = Path.Combine(output, "long", "metadata", "long_web_optimized.log");
        var logBefore = await File.ReadAllTextAsync(log);

        var second = await cli.RunAsync(arguments);

        Assert.True(second.ExitCode == 0, second.Describe());
        var report = await BatchReport.ReadAsync(output);
        Assert.Equal(
            [("web_optimized", "skipped", "up to date"), ("web_optimized#chunk1", "skipped", "up to date"), ("web_optimized#chunk2", "skipped", "up to date"), ("web_optimized#chunk3", "skipped", "up to date")],
            report.JobsOf("long.mp4").Select(job => (job.Preset, job.Status, job.Raw.TryGetProperty("reason", out var reason) ? reason.GetString() : null)).Order());
        Assert.Equal(before, await FileIdentity.OfAsync(placed));
        var added = (await File.ReadAllTextAsync(log))[logBefore.Length..];
        Assert.DoesNotContain("ffmpeg ", added, StringComparison.Ordinal);

        var forced = await cli.RunAsync([.. arguments, "--force"]);

        Assert.True(forced.ExitCode == 0, forced.Describe());
        var redone = await BatchReport.ReadAsync(output);
        Assert.All(redone.JobsOf("long.mp4"), job => Assert.Equal("succeeded", job.Status));
        Assert.Equal(200, (await CountAsync(placed)).Frames);
    }

    [Fact]
    public async Task An_open_gop_source_joins_without_losing_the_frames_that_lead_each_keyframe()
    {
        using var temp = new TempFolder("chunked-open-gop");
        var cli = SpoolCli.In(temp);
        var path = Path.Combine(temp.NewFolder("in"), "long.mp4");
        await MediaFactory.ClipAsync(path, new ClipSpec(320, 240, "25", 12)
        {
            VideoArguments = [.. ClipSpec.X264Encodable, "-bf", "3", "-g", "50", "-keyint_min", "50", "-sc_threshold", "0", "-x264-params", "open-gop=1"],
        });
        var output = temp.Combine("out");

        var run = await cli.RunAsync("process", path, "--chunk", "4", "--preset", "web_optimized", "--output", output);

        Assert.True(run.ExitCode == 0, run.Describe());
        var report = await BatchReport.ReadAsync(output);
        Assert.Equal(3, report.JobsOf("long.mp4").Count(job => job.Raw.TryGetProperty("chunk", out _)));
        var facts = await CountAsync(report.Job("long.mp4", "web_optimized").Output!);
        Assert.Equal(300, facts.Frames);
        Assert.InRange(facts.Duration, 12 - 0.04, 12 + 0.04);
    }

    [Fact]
    public async Task Resume_after_kill_9_mid_chunks_redoes_only_the_unfinished_chunks()
    {
        using var temp = new TempFolder("chunk-kill");
        var cli = SpoolCli.In(temp);
        var source = await SourceAsync(temp, 640, 360, 12, 25);
        var output = temp.Combine("out");

        ToolResult killed;
        using (var first = await cli.StartGroupAsync("process", source, "--chunk", "3", "--preset", "high_quality", "--max-concurrent", "1", "--output", output))
        {
            if (!await WaitForPlacedChunkAsync(output, first))
            {
                throw new InvalidOperationException("The batch ended before a chunk was placed.\n" + (await first.WaitAsync(RunLimit)).Describe());
            }

            // A chunk is recorded as succeeded a moment after its file is renamed into place; the kill comes after that.
            await Task.Delay(300);
            killed = await first.KillAsync();
        }

        var batchId = StoredBatch.IdPrintedIn(killed.Stdout) ?? throw new InvalidOperationException("process printed no batch id.\n" + killed.Describe());
        var before = (await StoredBatch.ReadAsync(cli, batchId)).Jobs.Where(job => job.Preset.Contains("#chunk", StringComparison.Ordinal)).ToList();
        var finished = before.Where(job => job.State == "succeeded").ToList();
        Assert.True(finished.Count is > 0 and < 4, "the kill should come after one chunk and before the last: " + string.Join(", ", before.Select(job => job.Describe)));

        var resumed = await cli.RunAsync("resume", "--job-id", batchId);

        Assert.True(resumed.ExitCode == 0, resumed.Describe());
        var after = (await StoredBatch.ReadAsync(cli, batchId)).Jobs;
        foreach (var chunk in finished)
        {
            var now = after.Single(job => job.Preset == chunk.Preset);
            Assert.Equal((1, chunk.StartedAt), (now.Attempts, now.StartedAt));
        }

        var redone = after.Where(job => job.Preset.Contains("#chunk", StringComparison.Ordinal) && finished.All(done => done.Preset != job.Preset)).ToList();
        Assert.All(redone, job => Assert.NotEqual(before.Single(b => b.Preset == job.Preset).StartedAt, job.StartedAt));
        Assert.All(after, job => Assert.Equal("succeeded", job.State));
        var log = await File.ReadAllTextAsync(Path.Combine(output, "long", "metadata", $"long_{finished[0].Preset}.log"));
        Assert.Equal(1, log.Split('\n').Count(line => line.StartsWith("# chunk ", StringComparison.Ordinal)));
        var facts = await CountAsync(after.Single(job => job.Preset == "high_quality").Output!);
        Assert.Equal(300, facts.Frames);
        Assert.InRange(facts.Duration, 12 - 0.04, 12 + 0.04);
        Assert.Empty(OutputTree.PartialFiles(output));
    }

    /// <summary>25 fps with a keyframe every <paramref name="gop"/> frames (no scene-cut keyframes), and a tone.</summary>
    private static async Task<string> SourceAsync(TempFolder temp, int width, int height, int seconds, int gop)
    {
        var path = Path.Combine(temp.NewFolder("in"), "long.mp4");
        var keyframes = gop.ToString(CultureInfo.InvariantCulture);
        await MediaFactory.ClipAsync(path, new ClipSpec(width, height, "25", seconds)
        {
            VideoArguments = [.. ClipSpec.X264Encodable, "-g", keyframes, "-keyint_min", keyframes, "-sc_threshold", "0"],
        });
        return path;
    }

    private static string Describe(JsonElement chunk) => string.Create(
        CultureInfo.InvariantCulture,
        $"{chunk.GetProperty("index").GetInt32()} of {chunk.GetProperty("count").GetInt32()}: {chunk.GetProperty("start").GetDouble():0.###}-{(chunk.GetProperty("end").ValueKind == JsonValueKind.Null ? "end" : chunk.GetProperty("end").GetDouble().ToString("0.###", CultureInfo.InvariantCulture))}");

    private static async Task<(int Frames, double Duration)> CountAsync(string video)
    {
        var run = await ToolRun.RunAsync("ffprobe", ["-v", "error", "-select_streams", "v:0", "-count_packets", "-show_entries", "stream=nb_read_packets,duration", "-of", "csv=p=0", "file:" + video]);
        var fields = run.Stdout.Trim().Split(',');
        return (int.Parse(fields[1], CultureInfo.InvariantCulture), double.Parse(fields[0], CultureInfo.InvariantCulture));
    }

    private static async Task<bool> WaitForPlacedChunkAsync(string output, ProcessGroup run)
    {
        var deadline = DateTime.UtcNow + RunLimit;
        while (DateTime.UtcNow < deadline && !run.HasExited)
        {
            var placed = Directory.Exists(output)
                && Directory.EnumerateFiles(output, "chunk-*.mp4", SearchOption.AllDirectories).Any(file => !file.Contains(".partial-", StringComparison.Ordinal));
            if (placed)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
