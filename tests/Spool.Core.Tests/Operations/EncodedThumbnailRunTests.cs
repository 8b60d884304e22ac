using System.Globalization;
using System.Text.RegularExpressions;
using Spool.Core.Operations;
using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Core.Quality.Checks;
using Spool.Core.Reporting;
using Spool.Media.Commands;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Operations;

/// <summary>The encode's own report thumbnail, run by real ffmpeg on a 2 s 320x240 25 fps clip.</summary>
public sealed partial class EncodedThumbnailRunTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-thumbrun-" + Guid.NewGuid().ToString("N"));
    private readonly ProcessRunner _runner = new();

    public EncodedThumbnailRunTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_jpeg_is_the_outputs_middle_frame_160_px_wide()
    {
        var media = await ProbeAsync(await TestClips.MakeAsync(_folder, "clip.mp4", 2));
        var plan = Plan(media, thumbnails: true, encoderQc: false);

        var run = await RunAsync(plan.Fused);

        Assert.True(run.Succeeded, run.Stderr);
        var jpeg = plan.Outputs[0].Thumbnail!.PartialPath;
        var picture = (await ProbeAsync(jpeg)).PrimaryVideo!;
        Assert.Equal(("mjpeg", 160, 120), (picture.Codec, picture.Width, picture.Height));

        // The report's own command (ffmpeg seeking the output) at the middle, 1 s, gives the same picture (once through
        // x264 at CRF 28, so not bit for bit); the frames either side of it, 40 ms away, and the first are less alike.
        var output = plan.Outputs[0].PartialPath;
        var middle = await SsimAsync(jpeg, await ReportsOwnAsync(output, 1, "middle.jpg"));
        Assert.InRange(middle, 0.97, 1.0);
        Assert.InRange(await SsimAsync(jpeg, await ReportsOwnAsync(output, 0.96, "before.jpg")), 0, middle - 0.02);
        Assert.InRange(await SsimAsync(jpeg, await ReportsOwnAsync(output, 1.04, "after.jpg")), 0, middle - 0.02);
        Assert.InRange(await SsimAsync(jpeg, await ReportsOwnAsync(output, 0, "start.jpg")), 0, 0.9);
    }

    [Fact]
    public async Task A_middle_past_the_real_end_selects_no_frame_the_encode_still_succeeds_and_the_report_makes_its_own()
    {
        // The container claims 60 s; the clip holds 2 s: the thumbnail waits for 30 s, which never comes.
        var media = await ProbeAsync(await TestClips.MakeAsync(_folder, "clip.mp4", 2)) with { DurationSeconds = 60 };
        var plan = Plan(media, thumbnails: true, encoderQc: false);

        var run = await RunAsync(plan.Fused);

        Assert.True(run.Succeeded, run.Stderr);
        Assert.Equal(30, plan.Outputs[0].Thumbnail!.AtSeconds);
        Assert.False(File.Exists(plan.Outputs[0].Thumbnail!.PartialPath));
        var written = await ProbeAsync(plan.Outputs[0].PartialPath);
        Assert.Equal((320, 240, 50L), (written.PrimaryVideo!.Width, written.PrimaryVideo.Height, written.PrimaryVideo.FrameCount));
        Assert.Equal(2, written.DurationSeconds!.Value, 0.1);

        var start = new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
        var job = new JobResult(media.Path, "web_optimized", JobStatus.Succeeded, plan.Outputs[0].PartialPath, 1, start, start, null, null) { SourceDurationSeconds = 2 };
        var recording = new RecordingRunner(_runner);
        var thumbnails = await new ReportThumbnails(recording, "ffmpeg").ForBatchAsync(new BatchResult("batch_x", _folder, 1, [job], start, start, false), CancellationToken.None);
        Assert.Equal([0xFF, 0xD8], Assert.Single(thumbnails).Value[..2]);
        Assert.Single(recording.Requests);
    }

    [Fact]
    public async Task The_thumbnail_output_leaves_libx264s_own_ssim_and_psnr_as_they_were()
    {
        var media = await ProbeAsync(await TestClips.MakeAsync(_folder, "clip.mp4", 2));
        var without = await RunAsync(Plan(media, thumbnails: false, encoderQc: true).Fused);
        var with = await RunAsync(Plan(media, thumbnails: true, encoderQc: true).Fused);

        Assert.True(without.Succeeded && with.Succeeded, with.Stderr);
        var before = Assert.Single(EncoderStatsParser.ParseX264(without.Stderr));
        var after = Assert.Single(EncoderStatsParser.ParseX264(with.Stderr));
        Assert.Equal((before.Ssim, before.Psnr, before.Frames, before.Kbps), (after.Ssim, after.Psnr, after.Frames, after.Kbps));
        Assert.Equal(50, after.Frames);
        Assert.NotNull(after.Ssim);
    }

    private WorkPlan Plan(MediaInfo media, bool thumbnails, bool encoderQc)
    {
        var options = PlanOptions.Default with { ReportThumbnails = thumbnails, EncoderQc = encoderQc, ThreadsPerJob = 1 };
        var target = new OutputTarget(Path.Combine(_folder, thumbnails ? "with" : "without"), "clip");
        Directory.CreateDirectory(Path.Combine(target.Directory, "video"));
        return Assert.IsType<PlanOutcome.Planned>(WorkPlanner.Plan(media, [PresetCatalog.BuiltIn.Find("web_optimized")!], options, target)).Plan;
    }

    private Task<ProcessResult> RunAsync(FfmpegCommand command) =>
        _runner.RunAsync(new ProcessRequest("ffmpeg", FfmpegCommandRenderer.Render(command)), null, CancellationToken.None);

    private async Task<MediaInfo> ProbeAsync(string path) =>
        Assert.IsType<ProbeOutcome.Probed>(await new Prober(_runner, "ffprobe").ProbeAsync(path, CancellationToken.None)).Media;

    private async Task<string> ReportsOwnAsync(string video, double seconds, string name)
    {
        var jpeg = Path.Combine(_folder, name);
        var run = await _runner.RunAsync(new ProcessRequest("ffmpeg", ReportThumbnails.Arguments(video, seconds, jpeg)), null, CancellationToken.None);
        Assert.True(run.Succeeded, run.Stderr);
        return jpeg;
    }

    private async Task<double> SsimAsync(string a, string b)
    {
        var run = await _runner.RunAsync(new ProcessRequest("ffmpeg", ["-hide_banner", "-i", "file:" + a, "-i", "file:" + b, "-lavfi", "ssim", "-f", "null", "-"]), null, CancellationToken.None);
        Assert.True(run.Succeeded, run.Stderr);
        return double.Parse(SsimAll().Match(run.Stderr).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"All:(\d+\.\d+)")]
    private static partial Regex SsimAll();
}
