using System.Text.RegularExpressions;
using Spool.Core.Discovery;
using Spool.Core.Operations;
using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Core.Queue;
using Spool.Core.Storage.Sqlite;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Operations;

/// <summary>
/// Issue 12, item 2: a batch's report thumbnails come from the encodes themselves. Two clips are encoded and one that
/// already fits its preset is remuxed; real ffmpeg, every request recorded on its way to the runner.
/// </summary>
public sealed partial class EncodedThumbnailBatchTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-thumbs-" + Guid.NewGuid().ToString("N"));

    public EncodedThumbnailBatchTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Encoded_jobs_run_no_ffmpeg_at_the_summary_and_a_remuxed_one_still_gets_its_thumbnail()
    {
        var first = await TestClips.MakeAsync(_folder, "first.mp4", 2);
        var second = await TestClips.MakeAsync(_folder, "second.mp4", 2);
        var fitting = await FittingClipAsync("fitting.mp4");
        var output = Path.Combine(_folder, "out");
        var settings = new BatchSettings([PresetCatalog.BuiltIn.Find("web_optimized")!], PlanOptions.Default, output, 1, ErrorHandling.Continue, 2) { Qc = null };
        var runner = new RecordingRunner(new ProcessRunner());

        IReadOnlyList<JobRecord> jobs;
        await using (var store = new SqliteJobStore(Path.Combine(_folder, "spool.db")))
        {
            await store.MigrateAsync(CancellationToken.None);
            var inputs = InputDiscovery.Discover(new DiscoveryRequest([first, second, fitting], false, null, _folder));
            await new BatchSubmitter(store, new Prober(runner, "ffprobe")).SubmitAsync("batch_thumbs", inputs, settings, BatchPriority.Normal, 0, CancellationToken.None);
            var options = new WorkerOptions(1, 2, CanToneMap: true) { BatchId = "batch_thumbs" };
            await new WorkerPool(store, runner, MediaTools.FromPath, new SilentObserver(), TimeProvider.System, ProcessIdentity.Current("test")).RunAsync(options, CancellationToken.None);
            jobs = await store.GetJobsAsync("batch_thumbs", CancellationToken.None);
        }

        Assert.All(jobs, job => Assert.True(job.State == JobState.Succeeded, $"{job.InputPath}: {job.State} {job.Result?.Error?.Message}"));
        Assert.Equal(["copy", "encode", "encode"], jobs.Select(job => job.Result!.Method!).Order(StringComparer.Ordinal));
        var ffmpeg = runner.Requests.Where(request => request.FileName == "ffmpeg").Select(request => request.Arguments).ToList();

        // One run per input; the encodes write their JPEG beside their partial, the remux writes none.
        Assert.Equal(4, ffmpeg.Count);
        var encodes = ffmpeg.Where(arguments => arguments.Contains("libx264")).ToList();
        Assert.Equal(2, encodes.Count);
        Assert.All(encodes, arguments => Assert.Single(arguments, argument => argument.EndsWith(".jpg", StringComparison.Ordinal) && argument.Contains(".partial-", StringComparison.Ordinal)));
        var summary = Assert.Single(ffmpeg, arguments => arguments.Any(argument => argument.Contains("/summary/thumbnail_", StringComparison.Ordinal)));
        Assert.Contains("file:" + Path.Combine(output, "fitting", "video", "fitting_web_optimized.mp4"), summary);

        // Every job has its thumbnail in the report: a JPEG 160 px wide.
        var html = await File.ReadAllTextAsync(Path.Combine(output, "summary", "report.html"));
        var images = EmbeddedJpeg().Matches(html).Select(match => Convert.FromBase64String(match.Groups[1].Value)).ToList();
        Assert.Equal(3, images.Count);
        for (var i = 0; i < images.Count; i++)
        {
            var jpeg = Path.Combine(_folder, $"image{i}.jpg");
            await File.WriteAllBytesAsync(jpeg, images[i]);
            var probed = Assert.IsType<ProbeOutcome.Probed>(await new Prober(new ProcessRunner(), "ffprobe").ProbeAsync(jpeg, CancellationToken.None));
            Assert.Equal((160, 120), (probed.Media.PrimaryVideo!.Width, probed.Media.PrimaryVideo.Height));
        }

        // Nothing but the outputs, their metadata and the summary is left: no JPEG anywhere in the output tree.
        Assert.Empty(Directory.GetFiles(output, "*.jpg", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(output, "*partial*", SearchOption.AllDirectories));
    }

    // 2 s of 320x240 H.264 (High, yuv420p, 25 fps, 150 kbit/s) with AAC at 96 kbit/s: already what web_optimized makes, so remuxed.
    private async Task<string> FittingClipAsync(string name)
    {
        var path = Path.Combine(_folder, name);
        var result = await new ProcessRunner().RunAsync(
            new ProcessRequest("ffmpeg", ["-hide_banner", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=2", "-f", "lavfi", "-i", "sine=duration=2",
                "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "150k", "-pix_fmt", "yuv420p", "-g", "25", "-c:a", "aac", "-b:a", "96k", "-shortest", "-movflags", "+faststart", "file:" + path]),
            null, CancellationToken.None);
        Assert.True(result.Succeeded, result.Stderr);
        return path;
    }

    [GeneratedRegex("src=\"data:image/jpeg;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex EmbeddedJpeg();
}
