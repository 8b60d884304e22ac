using System.Text.Json;
using Spool.Core.Discovery;
using Spool.Core.Operations;
using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Core.Quality.Checks;
using Spool.Core.Queue;
using Spool.Core.Storage.Sqlite;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Operations;

/// <summary>
/// Quick QC in a batch costs no second decode: the encode measures SSIM, PSNR and the audio peak itself, and each
/// output gets one probe that reads every packet (integrity and the output's facts in one process). Real ffmpeg, every request recorded on its way to the runner.
/// </summary>
public sealed class QuickQcRunsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-quickqc-" + Guid.NewGuid().ToString("N"));

    public QuickQcRunsTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_fused_run_of_two_presets_is_checked_with_the_encoders_stats_and_one_packet_counting_probe_per_output()
    {
        var clip = await TestClips.MakeAsync(_folder, "clip.mp4", 2);
        var presets = new[] { "web_optimized", "mobile_optimized" }.Select(name => PresetCatalog.BuiltIn.Find(name)!).ToList();
        var settings = new BatchSettings(presets, PlanOptions.Default, Path.Combine(_folder, "out"), 1, ErrorHandling.Continue, 2) { Qc = QcMode.Quick };
        var (runner, jobs) = await RunBatchAsync(clip, settings);

        // The report's own thumbnails are made after the jobs, for the summary page: not a job's work.
        var encodes = runner.Requests
            .Where(request => request.FileName == "ffmpeg" && !request.Arguments.Any(argument => argument.Contains("/summary/thumbnail_", StringComparison.Ordinal)))
            .Select(request => request.Arguments)
            .ToList();
        var encode = Assert.Single(encodes);
        Assert.Equal(2, encode.Count(argument => argument == "-x264-params"));
        Assert.Single(encode, argument => argument == "file:" + clip);

        // Each output's probe reads every packet too: integrity and the facts of the output in one ffprobe.
        var outputProbes = runner.Requests
            .Where(request => request.FileName == "ffprobe" && request.Arguments[^1].Contains(".partial", StringComparison.Ordinal))
            .Select(request => request.Arguments.ToArray())
            .ToList();
        Assert.Equal(2, outputProbes.Count);
        Assert.All(outputProbes, arguments => Assert.Equal(
            ["-v", "level+error", "-count_packets", "-print_format", "json", "-show_format", "-show_streams", arguments[^1]], arguments));
        Assert.Equal(2, outputProbes.Select(arguments => arguments[^1]).Distinct().Count());

        Assert.Equal(2, jobs.Count);
        foreach (var job in jobs)
        {
            Assert.True(job.State == JobState.Succeeded, $"{job.Preset}: {job.State} {job.Result?.Error?.Message}");
            using var qc = JsonDocument.Parse(job.Result!.QcJson!);
            var checks = qc.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(check => check.GetProperty("name").GetString()!);
            Assert.Equal(["integrity", "duration", "resolution", "audio_peak", "ssim", "psnr"], checks.Keys);
            Assert.Equal(QcEvaluator.EncoderMeasured, checks["ssim"].GetProperty("detail").GetString());
            Assert.InRange(checks["ssim"].GetProperty("value").GetDouble(), 0.5, 1.0);
            Assert.Equal(JsonValueKind.Number, checks["psnr"].GetProperty("value").ValueKind);

            // TestClips' tone (ffmpeg's sine at 1/8 of full scale, -18.1 dBFS) peaks at -17.7 dBFS once through AAC.
            Assert.Equal(-17.7, checks["audio_peak"].GetProperty("value").GetDouble());
        }
    }

    [Fact]
    public async Task A_remuxed_output_is_checked_by_its_packet_reading_probe_alone_without_a_decode()
    {
        var clip = Path.Combine(_folder, "fits.mp4");
        var made = await new ProcessRunner().RunAsync(
            new ProcessRequest("ffmpeg", ["-hide_banner", "-y", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=2", "-f", "lavfi", "-i", "sine=sample_rate=48000:duration=2",
                "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "300k", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k", "-shortest", "file:" + clip]),
            null,
            CancellationToken.None);
        Assert.True(made.Succeeded, made.Stderr);
        var settings = new BatchSettings([PresetCatalog.BuiltIn.Find("web_optimized")!], PlanOptions.Default, Path.Combine(_folder, "out"), 1, ErrorHandling.Continue, 2) { Qc = QcMode.Quick };

        var (runner, jobs) = await RunBatchAsync(clip, settings);

        var remux = Assert.Single(runner.Requests, request => request.FileName == "ffmpeg" && !request.Arguments.Any(argument => argument.Contains("/summary/thumbnail_", StringComparison.Ordinal)));
        Assert.Contains("copy", remux.Arguments);
        Assert.Single(runner.Requests, request => request.FileName == "ffprobe" && request.Arguments.Contains("-count_packets"));
        var job = Assert.Single(jobs);
        Assert.True(job.State == JobState.Succeeded, $"{job.State} {job.Result?.Error?.Message}");
        using var qc = JsonDocument.Parse(job.Result!.QcJson!);
        Assert.True(qc.RootElement.GetProperty("passed").GetBoolean(), job.Result.QcJson);
        var checks = qc.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(check => check.GetProperty("name").GetString()!);
        Assert.Equal(["integrity", "duration", "resolution", "audio_peak", "ssim"], checks.Keys);
        Assert.Equal(QualityChecker.NotCompared, checks["ssim"].GetProperty("detail").GetString());
    }

    private async Task<(RecordingRunner Runner, IReadOnlyList<JobRecord> Jobs)> RunBatchAsync(string clip, BatchSettings settings)
    {
        var runner = new RecordingRunner(new ProcessRunner());
        await using var store = new SqliteJobStore(Path.Combine(_folder, "spool.db"));
        await store.MigrateAsync(CancellationToken.None);
        var inputs = InputDiscovery.Discover(new DiscoveryRequest([clip], false, null, _folder));
        await new BatchSubmitter(store, new Prober(runner, "ffprobe")).SubmitAsync("batch_quick", inputs, settings, BatchPriority.Normal, 0, CancellationToken.None);
        var options = new WorkerOptions(1, 2, CanToneMap: true) { BatchId = "batch_quick" };
        await new WorkerPool(store, runner, MediaTools.FromPath, new SilentObserver(), TimeProvider.System, ProcessIdentity.Current("test")).RunAsync(options, CancellationToken.None);
        return (runner, await store.GetJobsAsync("batch_quick", CancellationToken.None));
    }
}
