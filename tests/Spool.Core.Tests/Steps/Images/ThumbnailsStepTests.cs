using System.Globalization;
using Spool.Core.Steps;
using Spool.Core.Steps.Images;
using Spool.Core.Tests.Planning;
using Spool.Media.Errors;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Steps.Images;

/// <summary>
/// The blank-frame rule and the file handling of the thumbnail and sprite steps, over a runner that plays ffmpeg:
/// it writes the seek time into the output file and reports the picture blank when told to.
/// </summary>
public sealed class ThumbnailsStepTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-thumbs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_blank_window_gives_way_to_the_nearest_one_with_a_picture()
    {
        var runner = new PlayedFfmpeg(start => start < 3.4);

        var outcome = await new ThumbnailsStep(runner, "ffmpeg", 2).RunAsync(Context(), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error?.Message);
        Assert.Equal(["1.5", "3.5", "6.5"], runner.Starts);
        Assert.Equal(["3.5", "6.5"], outcome.Files.Select(File.ReadAllText));
        Assert.Equal(("1", "0", "4.5,7.5"), (outcome.Details["blank_replaced"], outcome.Details["blank_kept"], outcome.Details["times"]));
        Assert.Equal(["clip_01.jpg", "clip_02.jpg"], Directory.GetFiles(Path.Combine(_folder, "thumbnails")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task A_video_blank_everywhere_near_a_point_keeps_the_first_choice()
    {
        var runner = new PlayedFfmpeg(_ => true);

        var outcome = await new ThumbnailsStep(runner, "ffmpeg", 2).RunAsync(Context(), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(["1.5", "3.5", "0", "5.5", "7.5", "6.5", "8", "4.5", "2.5", "0.5"], runner.Starts);
        Assert.Equal(["1.5", "6.5"], outcome.Files.Select(File.ReadAllText));
        Assert.Equal("2", outcome.Details["blank_kept"]);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_folder, "thumbnails")).Length);
    }

    [Fact]
    public async Task Without_a_duration_one_thumbnail_comes_from_the_start()
    {
        var runner = new PlayedFfmpeg(_ => false);
        var source = Sources.Media(Sources.Video(320, 240) with { DurationSeconds = null }, null) with { DurationSeconds = null };

        var outcome = await new ThumbnailsStep(runner, "ffmpeg", 4).RunAsync(Context() with { Source = source }, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(["0"], runner.Starts);
        Assert.Equal([Path.Combine(_folder, "thumbnails", "clip_01.jpg")], outcome.Files);
    }

    [Fact]
    public async Task A_failed_ffmpeg_fails_the_step_with_its_category_and_leaves_nothing()
    {
        var runner = new PlayedFfmpeg(_ => false, fails: true);

        var outcome = await new ThumbnailsStep(runner, "ffmpeg", 2).RunAsync(Context(), CancellationToken.None);

        Assert.Equal(ErrorCategory.InputCorrupt, outcome.Error?.Category);
        Assert.Single(outcome.Runs);
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder, "thumbnails")));
    }

    [Fact]
    public async Task A_sprite_needs_a_duration_and_says_so_without_running_ffmpeg()
    {
        var runner = new PlayedFfmpeg(_ => false);
        var source = Sources.Media(Sources.Video(320, 240) with { DurationSeconds = null }, null) with { DurationSeconds = null };

        var outcome = await new SpriteStep(runner, "ffmpeg").RunAsync(Context() with { Source = source }, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Empty(outcome.Files);
        Assert.Empty(runner.Starts);
        Assert.Contains("duration", outcome.Details["skipped"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Steps_without_a_video_stream_fail_as_no_video_stream()
    {
        var context = Context() with { Source = Sources.Media(null, Sources.Stereo) };
        var runner = new PlayedFfmpeg(_ => false);
        Assert.Equal(ErrorCategory.NoVideoStream, (await new ThumbnailsStep(runner, "ffmpeg", 1).RunAsync(context, CancellationToken.None)).Error?.Category);
        Assert.Equal(ErrorCategory.NoVideoStream, (await new SpriteStep(runner, "ffmpeg").RunAsync(context, CancellationToken.None)).Error?.Category);
    }

    // A 10 s 30 fps 320x240 source: two points at 2.5 and 7.5 s, 2 s windows.
    private StepContext Context() => new(Sources.Media(Sources.Video(320, 240)), _folder, "clip", 2);

    private sealed class PlayedFfmpeg(Func<double, bool> blankAt, bool fails = false) : IProcessRunner
    {
        public List<string> Starts { get; } = [];

        public async Task<ProcessResult> RunAsync(ProcessRequest request, IProgress<FfmpegProgress>? progress, CancellationToken cancellationToken)
        {
            var start = request.Arguments[request.Arguments.ToList().IndexOf("-ss") + 1];
            Starts.Add(start);
            if (fails)
            {
                return new ProcessResult(ProcessEnd.Exited, 1, "", "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x1] moov atom not found", "ffmpeg -i x", TimeSpan.Zero);
            }

            await File.WriteAllTextAsync(request.Arguments[^1]["file:".Length..], start, cancellationToken);
            var levels = blankAt(double.Parse(start, CultureInfo.InvariantCulture))
                ? "lavfi.signalstats.YLOW=16\nlavfi.signalstats.YAVG=16\nlavfi.signalstats.YHIGH=16"
                : "lavfi.signalstats.YLOW=41\nlavfi.signalstats.YAVG=118\nlavfi.signalstats.YHIGH=210";
            return new ProcessResult(ProcessEnd.Exited, 0, "", levels, "ffmpeg", TimeSpan.Zero);
        }
    }
}
