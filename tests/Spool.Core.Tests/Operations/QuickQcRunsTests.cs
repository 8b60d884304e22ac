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
/// output gets one demux pass. Real ffmpeg, every request recorded on its way to the runner.
/// </summary>
public sealed class QuickQcRunsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-quickqc-" + Guid.NewGuid().ToString("N"));

    public QuickQcRunsTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_fused_run_of_two_presets_is_checked_with_the_encoders_stats_and_one_demux_pass_per_output()
    {
        var clip = await TestClips.MakeAsync(_folder, "clip.mp4", 2);
        var presets = new[] { "web_optimized", "mobile_optimized" }.Select(name => PresetCatalog.BuiltIn.Find(name)!).ToList();
        var settings = new BatchSettings(presets, PlanOptions.Default, Path.Combine(_folder, "out"), 1, ErrorHandling.Continue, 2) { Qc = QcMode.Quick };
        var runner = new RecordingRunner(new ProcessRunner());

        IReadOnlyList<JobRecord> jobs;
        await using (var store = new SqliteJobStore(Path.Combine(_folder, "spool.db")))
        {
            await store.MigrateAsync(CancellationToken.None);
            var inputs = InputDiscovery.Discover(new DiscoveryRequest([clip], false, null, _folder));
            await new BatchSubmitter(store, new Prober(runner, "ffprobe")).SubmitAsync("batch_quick", inputs, settings, BatchPriority.Normal, 0, CancellationToken.None);
            var options = new WorkerOptions(1, 2, CanToneMap: true) { BatchId = "batch_quick" };
            await new WorkerPool(store, runner, MediaTools.FromPath, new SilentObserver(), TimeProvider.System, ProcessIdentity.Current("test")).RunAsync(options, CancellationToken.None);
            jobs = await store.GetJobsAsync("batch_quick", CancellationToken.None);
        }

        // The report's own thumbnails are made after the jobs, for the summary page: not a job's work.
        var runs = runner.Requests
            .Where(request => request.FileName == "ffmpeg" && !request.Arguments.Any(argument => argument.Contains("/summary/thumbnail_", StringComparison.Ordinal)))
            .Select(request => request.Arguments)
            .ToList();
        Assert.Equal(3, runs.Count);
        Assert.Equal(2, runs[0].Count(argument => argument == "-x264-params"));
        Assert.Single(runs[0], argument => argument == "file:" + clip);
        var partials = runs.Skip(1).Select(arguments => arguments[8]).ToList();
        Assert.All(partials, path => Assert.Contains(".partial", path, StringComparison.Ordinal));
        Assert.Equal(
            [
                ["-hide_banner", "-nostdin", "-v", "level+error", "-stats", "-stats_period", "0.25", "-i", partials[0], "-map", "0", "-c", "copy", "-f", "null", "-"],
                ["-hide_banner", "-nostdin", "-v", "level+error", "-stats", "-stats_period", "0.25", "-i", partials[1], "-map", "0", "-c", "copy", "-f", "null", "-"],
            ],
            runs.Skip(1).Select(arguments => arguments.ToArray()).ToArray());

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
}
