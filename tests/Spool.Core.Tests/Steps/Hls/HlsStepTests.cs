using System.Diagnostics;
using Spool.Core.Steps;
using Spool.Core.Steps.Hls;
using Spool.Core.Tests.Validation;
using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Steps.Hls;

public sealed class HlsStepTests : IDisposable
{
    private readonly string _folder = TestMedia.TempFolder();

    private string OutputFolder => Path.Combine(_folder, "out", "clip");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_480p_clip_becomes_a_playable_two_variant_package()
    {
        var source = Path.Combine(_folder, "clip.mp4");
        await TestMedia.FfmpegAsync(
            "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=d=4:s=854x480:r=25", "-f", "lavfi", "-i", "sine=d=4",
            "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", "file:" + source);
        var runner = new ProcessRunner();
        var media = Assert.IsType<ProbeOutcome.Probed>(await new Prober(runner, "ffprobe").ProbeAsync(source, default)).Media;
        var step = new HlsStep(runner, "ffmpeg", HlsLadder.Default) { Encoding = new HlsEncoding { X264Preset = "ultrafast" } };

        var outcome = await step.RunAsync(new StepContext(media, OutputFolder, "clip", 2), default);

        Assert.True(outcome.Succeeded, outcome.Error?.Message);
        var hls = Path.Combine(OutputFolder, "hls");
        Assert.Equal(
            [Path.Combine(hls, "master.m3u8"), Path.Combine(hls, "480p", "index.m3u8"), Path.Combine(hls, "360p", "index.m3u8")],
            outcome.Files);
        var master = await File.ReadAllLinesAsync(outcome.Files[0]);
        Assert.Equal(2, master.Count(line => line.StartsWith("#EXT-X-STREAM-INF:", StringComparison.Ordinal)));
        Assert.Contains(master, line => line.Contains("RESOLUTION=854x480", StringComparison.Ordinal));
        Assert.Contains(master, line => line.Contains("RESOLUTION=640x360", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(OutputFolder, "hls.partial")));
        var (exitCode, errors) = await PlayAsync(outcome.Files[0]);
        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, errors);
    }

    [Fact]
    public async Task A_failed_run_leaves_no_partial_folder_and_a_classified_error()
    {
        var runner = new FakeRunner(_ => new ProcessResult(ProcessEnd.Exited, 1, "", "av_interleaved_write_frame(): No space left on device", "ffmpeg -i x", TimeSpan.Zero));
        var outcome = await new HlsStep(runner, "ffmpeg", HlsLadder.Default).RunAsync(Context(), default);
        Assert.Equal(ErrorCategory.DiskFull, outcome.Error?.Category);
        Assert.Single(outcome.Runs);
        Assert.False(Directory.Exists(Path.Combine(OutputFolder, "hls.partial")));
        Assert.False(Directory.Exists(Path.Combine(OutputFolder, "hls")));
    }

    [Fact]
    public async Task An_exit_0_without_a_master_playlist_is_a_failure()
    {
        // The hls muxer logs "Failed to open master play list file" and still exits 0.
        var runner = new FakeRunner(_ => Exited0());
        var outcome = await new HlsStep(runner, "ffmpeg", HlsLadder.Default).RunAsync(Context(), default);
        Assert.Equal(ErrorCategory.FfmpegFailed, outcome.Error?.Category);
        Assert.Contains("master.m3u8", outcome.Error!.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(OutputFolder, "hls.partial")));
    }

    [Fact]
    public async Task A_new_package_replaces_the_old_one_whole()
    {
        var old = Path.Combine(OutputFolder, "hls", "720p");
        Directory.CreateDirectory(old);
        await File.WriteAllTextAsync(Path.Combine(old, "index.m3u8"), "old");
        var runner = new FakeRunner(request =>
        {
            var partial = Path.Combine(OutputFolder, "hls.partial");
            File.WriteAllText(Path.Combine(partial, "master.m3u8"), "#EXTM3U");
            File.WriteAllText(Path.Combine(partial, "240p", "index.m3u8"), "#EXTM3U");
            return Exited0();
        });
        var outcome = await new HlsStep(runner, "ffmpeg", HlsLadder.Default).RunAsync(Context(), default);
        Assert.True(outcome.Succeeded, outcome.Error?.Message);
        Assert.Equal(["240p", "master.m3u8"], Directory.GetFileSystemEntries(Path.Combine(OutputFolder, "hls")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["hls"], Directory.GetDirectories(OutputFolder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_source_without_video_fails_before_ffmpeg_runs()
    {
        var runner = new FakeRunner(_ => throw new InvalidOperationException("ffmpeg must not run"));
        var media = new MediaInfo("/in/song.mp3", "mp3", 4, 100, 100, [], [new AudioStreamInfo(0, "mp3", 2, 44100, null, 4)], 0, []);
        var outcome = await new HlsStep(runner, "ffmpeg", HlsLadder.Default).RunAsync(new StepContext(media, OutputFolder, "song", 1), default);
        Assert.Equal(ErrorCategory.NoVideoStream, outcome.Error?.Category);
    }

    [Fact]
    public async Task An_output_folder_with_a_percent_sign_is_refused_with_a_hint()
    {
        var runner = new FakeRunner(_ => throw new InvalidOperationException("ffmpeg must not run"));
        var context = Context() with { OutputFolder = Path.Combine(_folder, "100% done") };
        var outcome = await new HlsStep(runner, "ffmpeg", HlsLadder.Default).RunAsync(context, default);
        Assert.Equal(ErrorCategory.Unsupported, outcome.Error?.Category);
        Assert.Contains("'%'", outcome.Error!.Hint, StringComparison.Ordinal);
    }

    private StepContext Context()
    {
        var video = new VideoStreamInfo(0, "h264", 320, 240, Rational.One, "yuv420p", 8, new Rational(25, 1), false, 0, false, null, null, false, 4, 100);
        return new StepContext(new MediaInfo(Path.Combine(_folder, "clip.mp4"), "mp4", 4, 100, 100, [video], [], 0, []), OutputFolder, "clip", 1);
    }

    private static ProcessResult Exited0() => new(ProcessEnd.Exited, 0, "", "", "ffmpeg -i x", TimeSpan.Zero);

    private static async Task<(int ExitCode, string Errors)> PlayAsync(string master)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-nostdin", "-v", "error", "-i", master, "-f", "null", "-"])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, stderr.Trim());
    }

    private sealed class FakeRunner(Func<ProcessRequest, ProcessResult> run) : IProcessRunner
    {
        public Task<ProcessResult> RunAsync(ProcessRequest request, IProgress<FfmpegProgress>? progress, CancellationToken cancellationToken) =>
            Task.FromResult(run(request));
    }
}
