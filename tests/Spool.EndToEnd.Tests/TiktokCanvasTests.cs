using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;

namespace Spool.EndToEnd.Tests;

/// <summary>Canvas presets fill a fixed frame whatever the source's shape.</summary>
public sealed class TiktokCanvasTests
{
    [Fact]
    public async Task Tiktok_on_a_landscape_1080p_source_gives_exactly_1080x1920()
    {
        using var temp = new TempFolder("tiktok");
        var source = temp.Combine("landscape.mp4");
        await MediaFactory.ClipAsync(source, new ClipSpec(1920, 1080, "30"));
        var run = await SpoolCli.In(temp).RunAsync("process", source, "--preset", "tiktok", "--output", temp.Combine("out"));
        Assert.True(run.ExitCode == 0, run.Describe());
        var output = temp.Combine("out", "landscape", "video", "landscape_tiktok.mp4");
        Assert.True(File.Exists(output), $"no output at {output}.\n" + run.Describe());
        var video = (await Ffmpeg.ProbeAsync(output)).Video;
        Assert.True(video is { Width: 1080, Height: 1920 }, $"landscape_tiktok.mp4 is {video?.Width}x{video?.Height}, expected exactly 1080x1920");
        Assert.True(video!.Sar == 1.0, $"landscape_tiktok.mp4 has sample aspect {video.SampleAspectRatio}, expected square pixels");
    }
}
