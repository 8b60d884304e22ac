using Spool.Core.Planning;
using Spool.Media.Probing;

namespace Spool.Core.Tests.Planning;

public sealed class WorkPlannerFilterTests
{
    private const string ToneMap =
        "zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p";

    [Fact]
    public void Sixty_fps_source_is_capped_to_30_for_mobile()
    {
        var video = Sources.Video(1920, 1080) with { FrameRate = new Rational(60, 1) };

        var plan = Expected.Plan(Sources.Media(video), "mobile_optimized");

        Assert.Equal("[0:0]scale=854:480,setsar=1,fps=30,format=yuv420p[v0]", Expected.Graph(plan));
    }

    [Theory]
    [InlineData(60, 1, "")]
    [InlineData(60000, 1001, "")]
    [InlineData(50, 1, "")]
    [InlineData(25, 1, "")]
    [InlineData(120, 1, "fps=60,")]
    public void Youtube_keeps_a_50_or_60_fps_source_at_its_rate_and_caps_faster_ones_at_60(int numerator, int denominator, string fps)
    {
        var video = Sources.Video(1920, 1080) with { FrameRate = new Rational(numerator, denominator) };

        var plan = Expected.Plan(Sources.Media(video), "youtube");

        Assert.Equal($"[0:0]scale=1920:1080,setsar=1,{fps}format=yuv420p[v0]", Expected.Graph(plan));
    }

    [Fact]
    public void Source_within_the_cap_keeps_its_frame_rate()
    {
        var video = Sources.Video(1920, 1080) with { FrameRate = new Rational(30000, 1001) };

        var plan = Expected.Plan(Sources.Media(video), "mobile_optimized");

        Assert.Equal("[0:0]scale=854:480,setsar=1,format=yuv420p[v0]", Expected.Graph(plan));
    }

    [Fact]
    public void Source_of_unknown_frame_rate_keeps_its_timestamps_without_a_cap()
    {
        var video = Sources.Video(1920, 1080) with { FrameRate = null };

        var plan = Expected.Plan(Sources.Media(video), "fast_draft");

        Assert.Equal("[0:0]scale=1280:720,setsar=1,format=yuv420p[v0]", Expected.Graph(plan));
        Assert.Equal("vfr", plan.Fused.Outputs[0].FpsMode);
    }

    [Fact]
    public void Preset_without_a_cap_keeps_a_high_frame_rate()
    {
        var video = Sources.Video(1280, 720) with { FrameRate = new Rational(120, 1) };

        var plan = Expected.Plan(Sources.Media(video), "high_quality");

        Assert.Equal("[0:0]scale=1280:720,setsar=1,format=yuv420p[v0]", Expected.Graph(plan));
    }

    [Fact]
    public void Interlaced_source_is_deinterlaced_before_anything_else()
    {
        var video = Sources.Video(1920, 1080) with { IsInterlaced = true };

        var plan = Expected.Plan(Sources.Media(video), "web_optimized");

        Assert.Equal("[0:0]bwdif=mode=send_frame,scale=1280:720,setsar=1,format=yuv420p[v0]", Expected.Graph(plan));
    }

    [Fact]
    public void Hdr_source_is_tone_mapped_to_bt709()
    {
        var video = Sources.Video(3840, 2160) with { IsHdr = true, ColorTransfer = "smpte2084", BitDepth = 10, PixelFormat = "yuv420p10le" };

        var plan = Expected.Plan(Sources.Media(video), "web_optimized");

        Assert.Equal($"[0:0]{ToneMap},scale=1280:720,setsar=1,format=yuv420p[v0]", Expected.Graph(plan));
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Interlaced_hdr_source_is_deinterlaced_then_tone_mapped_once_before_the_split()
    {
        var video = Sources.Video(1920, 1080) with { IsHdr = true, IsInterlaced = true };

        var plan = Expected.Plan(Sources.Media(video), "web_optimized", "mobile_optimized");

        Assert.Equal(
            $"[0:0]bwdif=mode=send_frame,{ToneMap},split=2[s0][s1];"
            + "[s0]scale=1280:720,setsar=1,format=yuv420p[v0];"
            + "[s1]scale=854:480,setsar=1,format=yuv420p[v1]",
            Expected.Graph(plan));
    }

    [Fact]
    public void Hdr_source_without_zscale_is_planned_untouched_with_a_warning()
    {
        var video = Sources.Video(1920, 1080) with { IsHdr = true };

        var plan = Expected.Plan(Sources.Media(video), PlanOptions.Default with { CanToneMap = false }, "web_optimized");

        Assert.Equal("[0:0]scale=1280:720,setsar=1,format=yuv420p[v0]", Expected.Graph(plan));
        Assert.Contains("not tone-mapped", Assert.Single(plan.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Variable_frame_rate_source_keeps_its_timestamps()
    {
        var video = Sources.Video(1280, 720) with { IsVariableFrameRate = true, FrameRate = new Rational(24, 1) };

        var plan = Expected.Plan(Sources.Media(video), "web_optimized");

        string[] expected =
        [
            .. Expected.Head("[0:0]scale=1280:720,setsar=1,format=yuv420p[v0]"),
            "-map", "[v0]", "-map", "0:1",
            .. Expected.X264("medium", 28),
            .. Expected.Aac(96),
            "-fps_mode", "vfr",
            .. Expected.Tail("web_optimized"),
        ];
        Assert.Equal(expected, Expected.Tokens(plan.Fused));
    }

    [Fact]
    public void Variable_frame_rate_source_made_constant_by_an_fps_cap_has_no_fps_mode()
    {
        var video = Sources.Video(1280, 720) with { IsVariableFrameRate = true, FrameRate = new Rational(60, 1) };

        var plan = Expected.Plan(Sources.Media(video), "mobile_optimized");

        Assert.DoesNotContain("-fps_mode", Expected.Tokens(plan.Fused));
        Assert.Contains(",fps=30,", Expected.Graph(plan), StringComparison.Ordinal);
    }
}
