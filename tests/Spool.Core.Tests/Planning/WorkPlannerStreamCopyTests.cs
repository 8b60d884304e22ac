using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Media.Probing;

namespace Spool.Core.Tests.Planning;

/// <summary>Issue 12, item 4: a source that already is what the preset would make is remuxed (-c copy), not encoded.</summary>
public sealed class WorkPlannerStreamCopyTests
{
    private static readonly string[] Head = ["-hide_banner", "-y", "-progress", "pipe:1", "-nostats", "-i", "file:" + Sources.InputPath];

    /// <summary>640x360 H.264 High yuv420p 30 fps at 400 kbit/s with AAC stereo 48 kHz at 96 kbit/s: fits web_optimized.</summary>
    private static VideoStreamInfo FittingVideo => Sources.Video(640, 360) with { Profile = "High", BitRate = 400_000 };

    private static AudioStreamInfo FittingAudio => Sources.Stereo with { BitRate = 96_000 };

    /// <summary>web_optimized with a 1 Mbit/s cap: no built-in preset has a cap without a canvas.</summary>
    private static Preset Capped => Expected.Preset("web_optimized") with { Name = "web_capped", MaxBitrateKbps = 1000 };

    [Fact]
    public void A_source_that_fits_is_copied_with_faststart()
    {
        var plan = Plan(Sources.Media(FittingVideo, FittingAudio), Capped);

        string[] expected =
        [
            .. Head,
            "-map", "0:0", "-map", "0:1", "-c:v", "copy", "-c:a", "copy",
            "-movflags", "+faststart", "-f", "mp4", "file:/out/clip/video/clip_web_capped.partial.mp4",
        ];
        Assert.Equal(expected, Expected.Tokens(plan.Fused));
        Assert.Equal(expected, Expected.Tokens(plan.Separate[0]));
        Assert.Equal(OutputMethod.Copy, plan.Outputs[0].Method);
        Assert.Equal((640, 360), (plan.Outputs[0].Width, plan.Outputs[0].Height));
    }

    [Fact]
    public void A_source_without_audio_that_fits_is_copied_without_audio()
    {
        var plan = Plan(Sources.Media(FittingVideo, null), Capped);

        Assert.Equal(
            [.. Head, "-map", "0:0", "-c:v", "copy", "-an", "-movflags", "+faststart", "-f", "mp4", "file:/out/clip/video/clip_web_capped.partial.mp4"],
            Expected.Tokens(plan.Fused));
        Assert.Equal(OutputMethod.Copy, plan.Outputs[0].Method);
    }

    [Theory]
    [InlineData("6ch")]
    [InlineData("over_bitrate")]
    [InlineData("mp3")]
    [InlineData("96khz")]
    [InlineData("unknown_bitrate")]
    public void Video_that_fits_is_copied_while_audio_that_does_not_is_encoded(string difference)
    {
        var audio = difference switch
        {
            "6ch" => FittingAudio with { Channels = 6, ChannelLayout = "5.1" },
            "over_bitrate" => FittingAudio with { BitRate = 128_000 },
            "mp3" => FittingAudio with { Codec = "mp3" },
            "96khz" => FittingAudio with { SampleRate = 96_000 },
            _ => FittingAudio with { BitRate = null },
        };

        var plan = Plan(Sources.Media(FittingVideo, audio), Capped);

        string[] audioTokens = difference == "96khz" ? [.. Expected.Aac(96), "-ar", "48000"] : Expected.Aac(96);
        Assert.Equal(
            [.. Head, "-map", "0:0", "-map", "0:1", "-c:v", "copy", .. audioTokens, "-movflags", "+faststart", "-f", "mp4", "file:/out/clip/video/clip_web_capped.partial.mp4"],
            Expected.Tokens(plan.Fused));
        Assert.Equal(OutputMethod.CopyVideo, plan.Outputs[0].Method);
    }

    [Theory]
    [InlineData("larger_than_the_preset")]
    [InlineData("odd_width")]
    [InlineData("fps_over_cap")]
    [InlineData("yuv422p")]
    [InlineData("10_bit")]
    [InlineData("hevc")]
    [InlineData("high_444_profile")]
    [InlineData("unknown_profile")]
    [InlineData("bitrate_over_cap")]
    [InlineData("unknown_bitrate_under_a_cap")]
    [InlineData("rotated")]
    [InlineData("anamorphic")]
    [InlineData("interlaced")]
    [InlineData("hdr")]
    public void A_source_that_differs_in_one_respect_is_encoded(string difference)
    {
        var video = difference switch
        {
            "larger_than_the_preset" => FittingVideo with { Width = 1920, Height = 1080 },
            "odd_width" => FittingVideo with { Width = 641 },
            "fps_over_cap" => FittingVideo with { FrameRate = new Rational(120, 1) },
            "yuv422p" => FittingVideo with { PixelFormat = "yuv422p" },
            "10_bit" => FittingVideo with { PixelFormat = "yuv420p10le", BitDepth = 10, Profile = "High 10" },
            "hevc" => FittingVideo with { Codec = "hevc", Profile = "Main" },
            "high_444_profile" => FittingVideo with { Profile = "High 4:4:4 Predictive" },
            "unknown_profile" => FittingVideo with { Profile = null },
            "bitrate_over_cap" => FittingVideo with { BitRate = 1_500_000 },
            "unknown_bitrate_under_a_cap" => FittingVideo with { BitRate = null },
            "rotated" => FittingVideo with { Rotation = 90 },
            "anamorphic" => FittingVideo with { SampleAspectRatio = new Rational(4, 3) },
            "interlaced" => FittingVideo with { IsInterlaced = true },
            _ => FittingVideo with { IsHdr = true, ColorTransfer = "smpte2084", ColorPrimaries = "bt2020" },
        };
        var source = Sources.Media(video, FittingAudio) with { BitRate = difference == "unknown_bitrate_under_a_cap" ? null : 500_000 };

        var plan = Plan(source, Capped);

        var tokens = Expected.Tokens(plan.Fused);
        Assert.Equal("libx264", tokens[tokens.ToList().IndexOf("-c:v") + 1]);
        Assert.Equal(OutputMethod.Encode, plan.Outputs[0].Method);
    }

    [Theory]
    [InlineData("web_optimized", 20_000_000, OutputMethod.Encode)]
    [InlineData("web_optimized", 640_000, OutputMethod.Copy)]
    [InlineData("web_optimized", 660_000, OutputMethod.Encode)]
    [InlineData("high_quality", 2_000_000, OutputMethod.Copy)]
    [InlineData("high_quality", 2_100_000, OutputMethod.Encode)]
    public void Without_a_cap_a_source_is_copied_only_within_twice_the_bit_rate_the_presets_crf_gives_typical_footage(string preset, long bitRate, OutputMethod method)
    {
        // 640x360 at 25 fps is 5.76 Mpixel/s: web_optimized (CRF 28) allows 0.2 x 2^(-5/6) = 0.1122 bits a pixel, 646.5 kbit/s;
        // high_quality (CRF 18) 0.2 x 2^(5/6) = 0.3564 bits a pixel, 2.053 Mbit/s. A camera original is 20 Mbit/s.
        var source = Sources.Media(FittingVideo with { BitRate = bitRate, FrameRate = new Rational(25, 1) }, FittingAudio);
        var chosen = Expected.Preset(preset);

        var plan = Plan(source, chosen);

        Assert.Equal(method, plan.Outputs[0].Method);
    }

    [Fact]
    public void Media_operations_that_filter_the_picture_make_the_output_an_encode()
    {
        var options = PlanOptions.Default with { Adjustments = new EncodeAdjustments { VideoFilters = ["eq=contrast=1.2"] } };

        var plan = Plan(Sources.Media(FittingVideo, FittingAudio), Capped, options);

        Assert.Equal(OutputMethod.Encode, plan.Outputs[0].Method);
    }

    [Fact]
    public void A_copied_output_takes_no_part_in_the_split_of_the_encoded_ones()
    {
        var source = Sources.Media(FittingVideo, FittingAudio);

        var plan = WorkPlanner.Plan(source, [Capped, Expected.Preset("fast_draft")], PlanOptions.Default, Expected.Target);

        var planned = Assert.IsType<PlanOutcome.Planned>(plan).Plan;
        string[] expected =
        [
            .. Head, "-filter_complex", "[0:0]scale=640:360,setsar=1,fps=24,format=yuv420p[v0]",
            "-map", "0:0", "-map", "0:1", "-c:v", "copy", "-c:a", "copy",
            "-movflags", "+faststart", "-f", "mp4", "file:/out/clip/video/clip_web_capped.partial.mp4",
            "-map", "[v0]", "-map", "0:1", .. Expected.X264("ultrafast", 28), .. Expected.Aac(128), .. Expected.Tail("fast_draft"),
        ];
        Assert.Equal(expected, Expected.Tokens(planned.Fused));
        Assert.Equal([OutputMethod.Copy, OutputMethod.Encode], planned.Outputs.Select(output => output.Method));
    }

    [Fact]
    public void Quick_qcs_audio_meter_reaches_only_the_outputs_that_encode_their_audio_never_a_stream_copy()
    {
        var source = Sources.Media(FittingVideo, FittingAudio);

        var plan = WorkPlanner.Plan(source, [Capped, Expected.Preset("fast_draft")], PlanOptions.Default with { EncoderQc = true }, Expected.Target);

        var planned = Assert.IsType<PlanOutcome.Planned>(plan).Plan;
        var tokens = Expected.Tokens(planned.Fused);
        Assert.Equal("[0:0]scale=640:360,setsar=1,fps=24,format=yuv420p[v0];[0:1]volumedetect[a0]", tokens[tokens.ToList().IndexOf("-filter_complex") + 1]);
        Assert.Equal(["-map", "0:0", "-map", "0:1", "-c:v", "copy", "-c:a", "copy"], tokens.Skip(tokens.ToList().IndexOf("-filter_complex") + 2).Take(8));
        Assert.Contains("[a0]", tokens.Skip(tokens.ToList().IndexOf("[v0]")).Take(4));
    }

    private static WorkPlan Plan(MediaInfo source, Preset preset, PlanOptions? options = null) =>
        Assert.IsType<PlanOutcome.Planned>(WorkPlanner.Plan(source, [preset], options ?? PlanOptions.Default, Expected.Target)).Plan;
}
