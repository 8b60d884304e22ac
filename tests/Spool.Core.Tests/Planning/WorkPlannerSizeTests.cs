using Spool.Core.Steps.Hls;
using Spool.Media.Probing;

namespace Spool.Core.Tests.Planning;

public sealed class WorkPlannerSizeTests
{
    [Fact]
    public void Landscape_1080p_for_web_optimized_is_1280x720_with_every_token_exact()
    {
        var plan = Expected.Plan(Sources.Media(Sources.Video(1920, 1080)), "web_optimized");

        string[] expected =
        [
            .. Expected.Head("[0:0]scale=1280:720,setsar=1,format=yuv420p[v0]"),
            "-map", "[v0]", "-map", "0:1",
            .. Expected.X264("medium", 28),
            .. Expected.Aac(96),
            .. Expected.Tail("web_optimized"),
        ];
        Assert.Equal(expected, Expected.Tokens(plan.Fused));
        var output = Assert.Single(plan.Outputs);
        Assert.Equal((1280, 720), (output.Width, output.Height));
    }

    public static TheoryData<string, int, int, int, int, string, int, int> Sizes => new()
    {
        // case, stored width, stored height, anamorphic (1: SAR 32:27), rotation, preset, expected width, expected height
        { "landscape 1080p shrinks to 720p", 1920, 1080, 0, 0, "web_optimized", 1280, 720 },
        { "portrait phone (rotation 90) stays portrait", 1920, 1080, 0, 90, "web_optimized", 720, 1280 },
        { "portrait phone (rotation 270) stays portrait", 1920, 1080, 0, 270, "web_optimized", 720, 1280 },
        { "upside-down phone keeps its axes", 1920, 1080, 0, 180, "web_optimized", 1280, 720 },
        { "portrait stored portrait stays portrait", 1080, 1920, 0, 0, "web_optimized", 720, 1280 },
        { "anamorphic DVD becomes square pixels (853.3 rounds down to 852)", 720, 480, 1, 0, "high_quality", 852, 480 },
        { "odd size rounds down to even", 853, 481, 0, 0, "high_quality", 852, 480 },
        { "small source is never enlarged by a bound", 640, 360, 0, 0, "web_optimized", 640, 360 },
        { "small source is never enlarged by keep", 640, 360, 0, 0, "high_quality", 640, 360 },
        { "mobile: short side 480 decides, long side 853.3 rounds to 854", 1920, 1080, 0, 0, "mobile_optimized", 854, 480 },
        { "fast_draft bounds only the short side", 3840, 2160, 0, 0, "fast_draft", 1280, 720 },
        { "auto on 4K bounds to 1080p", 3840, 2160, 0, 0, "auto", 1920, 1080 },
        { "auto on portrait 4K counts as 4K", 2160, 3840, 0, 0, "auto", 1080, 1920 },
        { "auto on DCI 4K: the long side decides", 4096, 2160, 0, 0, "auto", 1920, 1012 },
        { "auto on 1080p keeps the size", 1920, 1080, 0, 0, "auto", 1920, 1080 },
        { "archival keeps the size", 1280, 720, 0, 0, "archival", 1280, 720 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Output_size_follows_the_display_size_and_the_preset(
        string @case, int width, int height, int anamorphic, int rotation, string preset, int expectedWidth, int expectedHeight)
    {
        var video = Sources.Video(width, height) with
        {
            SampleAspectRatio = anamorphic == 1 ? new Rational(32, 27) : Rational.One,
            Rotation = rotation,
        };

        var plan = Expected.Plan(Sources.Media(video), preset);

        var output = Assert.Single(plan.Outputs);
        Assert.True((expectedWidth, expectedHeight) == (output.Width, output.Height), @case);
        Assert.StartsWith($"[0:0]scale={expectedWidth}:{expectedHeight},setsar=1,", Expected.Graph(plan), StringComparison.Ordinal);
    }

    [Fact]
    public void Tiktok_on_landscape_1080p_fits_inside_1080x1920_and_pads()
    {
        var plan = Expected.Plan(Sources.Media(Sources.Video(1920, 1080)), "tiktok");

        string[] expected =
        [
            .. Expected.Head("[0:0]scale=1080:608,setsar=1,pad=1080:1920:(ow-iw)/2:(oh-ih)/2,format=yuv420p[v0]"),
            "-map", "[v0]", "-map", "0:1",
            .. Expected.X264("medium", 23), "-maxrate", "6000k", "-bufsize", "12000k",
            .. Expected.Aac(128),
            .. Expected.Tail("tiktok"),
        ];
        Assert.Equal(expected, Expected.Tokens(plan.Fused));
        var output = Assert.Single(plan.Outputs);
        Assert.Equal((1080, 1920), (output.Width, output.Height));
    }

    [Fact]
    public void Canvas_enlarges_a_small_source_of_the_same_shape_to_fill_it_without_padding()
    {
        var plan = Expected.Plan(Sources.Media(Sources.Video(640, 360)), "youtube");

        Assert.Equal("[0:0]scale=1920:1080,setsar=1,format=yuv420p[v0]", Expected.Graph(plan));
        Assert.Equal((1920, 1080), (plan.Outputs[0].Width, plan.Outputs[0].Height));
    }

    [Fact]
    public void Portrait_phone_on_a_landscape_canvas_is_pillarboxed()
    {
        var video = Sources.Video(1920, 1080) with { Rotation = 90 };

        var plan = Expected.Plan(Sources.Media(video), "twitter");

        Assert.Equal("[0:0]scale=406:720,setsar=1,pad=1280:720:(ow-iw)/2:(oh-ih)/2,format=yuv420p[v0]", Expected.Graph(plan));
    }

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(1280, 720)]
    [InlineData(3840, 2160)]
    [InlineData(1080, 1920)]
    [InlineData(1440, 1080)]
    [InlineData(2560, 1440)]
    public void The_480p_picture_of_mobile_optimized_is_the_hls_ladders_480p_rung(int width, int height)
    {
        var plan = Expected.Plan(Sources.Media(Sources.Video(width, height)), "mobile_optimized");

        var rung = HlsLadder.Default.ForSource(width, height).Single(variant => variant.Name == "480p");
        Assert.Equal((rung.Width, rung.Height), (plan.Outputs[0].Width, plan.Outputs[0].Height));
    }
}
