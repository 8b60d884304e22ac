using Spool.Core.Chunking;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Chunking;

/// <summary>The join's verification on real files: an exact re-encode passes; one frame dropped at the seam fails it, naming the counts.</summary>
public sealed class SeamCheckTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spool-seams-").FullName;
    private readonly ProcessRunner runner = new();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task An_exact_encode_passes_and_a_frame_dropped_at_the_seam_fails()
    {
        var source = await FfmpegAsync("source.mp4", "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=4");
        var exact = await FfmpegAsync("exact.mp4", "-i", "file:" + source);
        var dropped = await FfmpegAsync("dropped.mp4", "-i", "file:" + source, "-vf", "select='not(eq(n\\,50))',setpts=N/25/TB");
        var check = new SeamCheck(runner, "ffmpeg", new VideoPackets(runner, "ffprobe"));

        var good = await check.CheckAsync(await ProbeAsync(exact), await ProbeAsync(source), [2.0], 0.9, CancellationToken.None);
        var bad = await check.CheckAsync(await ProbeAsync(dropped), await ProbeAsync(source), [2.0], 0.9, CancellationToken.None);

        Assert.Equal((100L, 100L, (string?)null), (good.Frames, good.SourceFrames, good.Problem));
        Assert.InRange(good.SeamSsims.Single()!.Value, 0.9, 1);
        Assert.Equal("the joined output has 99 frames, the source 100: a seam dropped or duplicated frames", bad.Problem);
    }

    private async Task<string> FfmpegAsync(string name, params string[] input)
    {
        var path = Path.Combine(folder, name);
        var result = await runner.RunAsync(
            new ProcessRequest("ffmpeg", ["-hide_banner", "-y", .. input, "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "file:" + path]), null, CancellationToken.None);
        Assert.True(result.Succeeded, result.Stderr);
        return path;
    }

    private async Task<MediaInfo> ProbeAsync(string path) =>
        Assert.IsType<ProbeOutcome.Probed>(await new Prober(runner, "ffprobe").ProbeAsync(path, CancellationToken.None)).Media;
}
