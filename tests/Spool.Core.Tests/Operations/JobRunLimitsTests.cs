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
/// --timeout and --stall-timeout reach every ffmpeg a job runs: the encode, the validation decode, the analysis passes,
/// QC, thumbnails, the sprite, HLS and the subtitles' extraction and recognition. Real ffmpeg, with every request
/// recorded on its way to the runner.
/// </summary>
public sealed class JobRunLimitsTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(97);
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(43);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-limits-" + Guid.NewGuid().ToString("N"));

    public JobRunLimitsTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Every_ffmpeg_of_every_step_pass_and_check_runs_under_the_batch_limits()
    {
        var clip = await TestClips.MakeAsync(_folder, "clip.mp4", 2);
        var settings = new BatchSettings([PresetCatalog.BuiltIn.Find("fast_draft")!], PlanOptions.Default, Path.Combine(_folder, "out"), 1, ErrorHandling.Continue, 2)
        {
            Timeout = Timeout,
            StallTimeout = Stall,
            Qc = QcMode.Full,
            QcWarnOnly = true,
            ValidateThoroughly = true,
            Operations = new OperationSettings
            {
                NormalizeAudio = true,
                Stabilize = true,
                Color = "auto",
                Thumbnails = 2,
                Sprite = true,
                Hls = true,
                HlsLadder = "360",
                Subtitles = SubtitleMode.Sidecar,
            },
        };
        var runner = new RecordingRunner(new ProcessRunner());

        await using (var store = new SqliteJobStore(Path.Combine(_folder, "spool.db")))
        {
            await store.MigrateAsync(CancellationToken.None);
            var inputs = InputDiscovery.Discover(new DiscoveryRequest([clip], false, null, _folder));
            await new BatchSubmitter(store, new Prober(runner, "ffprobe")).SubmitAsync("batch_limits", inputs, settings, BatchPriority.Normal, 0, CancellationToken.None);
            var options = new WorkerOptions(1, 2, CanToneMap: true) { BatchId = "batch_limits" };
            await new WorkerPool(store, runner, MediaTools.FromPath, new SilentObserver(), TimeProvider.System, ProcessIdentity.Current("test")).RunAsync(options, CancellationToken.None);
            var jobs = await store.GetJobsAsync("batch_limits", CancellationToken.None);
            Assert.All(jobs, job => Assert.True(job.State == JobState.Succeeded, $"{job.Preset}: {job.State} {job.Result?.Error?.Message}"));
        }

        // The report's own thumbnails are made after the jobs, for the summary page: not a job's work.
        var jobRuns = runner.Requests
            .Where(request => request.FileName == "ffmpeg" && !request.Arguments.Any(argument => argument.Contains("/summary/thumbnail_", StringComparison.Ordinal)))
            .ToList();
        var commands = jobRuns.Select(request => string.Join(' ', request.Arguments)).ToList();
        foreach (var part in new[] { "-f null", "loudnorm", "vidstabdetect", "signalstats", "ssim", "thumbnail=", "tile=", "-f hls", "asr=", "pcm_s16le", "libx264" })
        {
            Assert.True(commands.Any(command => command.Contains(part, StringComparison.Ordinal)), $"no ffmpeg run with '{part}' among:\n{string.Join('\n', commands)}");
        }

        Assert.All(jobRuns, request => Assert.True(
            (request.Timeout, request.StallTimeout) == (Timeout, Stall),
            $"ran with timeout {request.Timeout} and stall limit {request.StallTimeout}: {string.Join(' ', request.Arguments)}"));
    }
}
