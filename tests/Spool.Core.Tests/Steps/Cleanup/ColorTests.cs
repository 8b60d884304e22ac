using Spool.Core.Steps.Cleanup;
using Spool.Media.Probing;

namespace Spool.Core.Tests.Steps.Cleanup;

public sealed class ColorTests
{
    [Theory]
    [InlineData("auto")]
    [InlineData(" AUTO ")]
    public void Auto_asks_for_the_analysis(string text) => Assert.IsType<ColorRequest.Auto>(ColorRequest.Parse(text).Request);

    [Fact]
    public void Pairs_set_the_keys_they_name_and_leave_the_rest_neutral()
    {
        var parsed = ColorRequest.Parse("brightness=0.05:contrast=1.1");

        var manual = Assert.IsType<ColorRequest.Manual>(parsed.Request);
        Assert.Equal(new EqSettings(Brightness: 0.05, Contrast: 1.1), manual.Eq);
        Assert.Equal("eq=brightness=0.05:contrast=1.1:saturation=1", manual.Eq.Render());
    }

    [Fact]
    public void Gamma_is_rendered_only_when_set()
    {
        var manual = Assert.IsType<ColorRequest.Manual>(ColorRequest.Parse("saturation=1.25:gamma=1.2:brightness=-0.1:contrast=0.9").Request);

        Assert.Equal("eq=brightness=-0.1:contrast=0.9:saturation=1.25:gamma=1.2", manual.Eq.Render());
    }

    [Theory]
    [InlineData("", "--color needs \"auto\" or values such as \"brightness=0.05:contrast=1.1:saturation=1.2\".")]
    [InlineData("hue=30", "--color: unknown key 'hue' in \"hue=30\" (use auto, or brightness, contrast, saturation, gamma).")]
    [InlineData("contrast=high", "--color: contrast needs a number, as in contrast=1.1; got \"contrast=high\".")]
    [InlineData("contrast", "--color: contrast needs a number, as in contrast=1.1; got \"contrast\".")]
    [InlineData("contrast=1,2", "--color: contrast needs a number, as in contrast=1.1; got \"contrast=1,2\".")]
    [InlineData("brightness=1.5", "--color: brightness must be from -1 to 1; got 1.5.")]
    [InlineData("saturation=-1", "--color: saturation must be from 0 to 3; got -1.")]
    [InlineData("gamma=0", "--color: gamma must be from 0.1 to 10; got 0.")]
    [InlineData("contrast=1.1:contrast=1.2", "--color: contrast is given twice in \"contrast=1.1:contrast=1.2\".")]
    public void Bad_color_text_is_a_usage_error_naming_the_flag(string text, string error)
    {
        var parsed = ColorRequest.Parse(text);

        Assert.False(parsed.Succeeded);
        Assert.Null(parsed.Request);
        Assert.Equal(error, parsed.Error);
    }

    [Fact]
    public void Signalstats_lines_are_read_per_frame_and_flat_frames_left_out()
    {
        const string log = """
            [Parsed_metadata_3 @ 0x1] frame:0    pts:0       pts_time:0
            [Parsed_metadata_3 @ 0x1] lavfi.signalstats.YMIN=0
            [Parsed_metadata_3 @ 0x1] lavfi.signalstats.YLOW=0
            [Parsed_metadata_3 @ 0x1] lavfi.signalstats.YAVG=41.6291
            [Parsed_metadata_3 @ 0x1] lavfi.signalstats.YMAX=130
            [Parsed_metadata_3 @ 0x1] lavfi.signalstats.SATAVG=93.0362
            [Parsed_metadata_3 @ 0x1] frame:1    pts:5       pts_time:0.333333
            [Parsed_metadata_3 @ 0x1] lavfi.signalstats.YMIN=16
            [Parsed_metadata_3 @ 0x1] lavfi.signalstats.YAVG=16
            [Parsed_metadata_3 @ 0x1] lavfi.signalstats.YMAX=16
            [Parsed_metadata_3 @ 0x1] frame:2    pts:10      pts_time:0.666667
            [Parsed_metadata_3 @ 0x1] lavfi.signalstats.YMIN=4
            [Parsed_metadata_3 @ 0x1] lavfi.signalstats.YAVG=43
            [Parsed_metadata_3 @ 0x1] lavfi.signalstats.YMAX=120
            [Parsed_metadata_3 @ 0x1] lavfi.signalstats.SATAVG=95
            """;

        var stats = LumaStats.Parse(log)!;

        Assert.Equal((2, 125, 2), (stats.Black, stats.White, stats.Frames));
        Assert.Equal(42.31455, stats.Average, precision: 6);
        Assert.Equal(94.0181, stats.Saturation, precision: 6);
        Assert.Null(LumaStats.Parse("no stats at all"));
    }

    [Fact]
    public void A_dark_picture_is_lifted_with_capped_contrast_keeping_black_at_16()
    {
        // Black clamps to 16, white 130: a 114-step span wants contrast 1.92, capped at 1.3.
        // Black stays at 16: brightness = (16 - 127.5 - 1.3 * (16 - 127.5)) / 255 = 0.131.
        var eq = ColorLevels.Correction(new LumaStats(0, 130, 42, 94, 6));

        Assert.Equal(new EqSettings(Brightness: 0.131, Contrast: 1.3), eq);
        Assert.Equal("eq=brightness=0.131:contrast=1.3:saturation=1", eq!.Render());
    }

    [Fact]
    public void A_flat_mid_grey_picture_is_stretched_within_the_caps()
    {
        // 40..220 spans 180 of 219 steps, over the 80 % (175.2) that counts as well exposed. 60..200 spans 140: it wants
        // contrast 1.564, capped at 1.3; brightness = (16 - 127.5 - 1.3 * (60 - 127.5)) / 255 = -0.0931 -> -0.093.
        Assert.Null(ColorLevels.Correction(new LumaStats(40, 220, 120, 50, 10)));
        Assert.Equal(new EqSettings(Brightness: -0.093, Contrast: 1.3), ColorLevels.Correction(new LumaStats(60, 200, 128, 50, 10)));
    }

    [Fact]
    public void A_slightly_short_range_gets_the_exact_stretch()
    {
        // 30..200: span 170 -> contrast 219/170 = 1.288; brightness = (16 - 127.5 - 1.288 * (30 - 127.5)) / 255 = 0.055.
        Assert.Equal(new EqSettings(Brightness: 0.055, Contrast: 1.288), ColorLevels.Correction(new LumaStats(30, 200, 110, 60, 20)));
    }

    [Fact]
    public void A_washed_out_picture_is_darkened_no_further_than_the_brightness_cap()
    {
        // 120..235: contrast capped at 1.3; the black point would need (16 - 127.5 - 1.3 * -7.5) / 255 = -0.399, capped at -0.15.
        Assert.Equal(new EqSettings(Brightness: -0.15, Contrast: 1.3), ColorLevels.Correction(new LumaStats(120, 235, 180, 30, 20)));
    }

    [Theory]
    [InlineData(22, 210)] // testsrc2 as ffmpeg draws it
    [InlineData(16, 235)]
    [InlineData(0, 255)] // full-range extremes are clamped, never squeezed
    [InlineData(100, 108)] // no detail to stretch
    public void Well_exposed_or_featureless_pictures_get_no_correction(double black, double white) =>
        Assert.Null(ColorLevels.Correction(new LumaStats(black, white, 120, 60, 30)));

    [Fact]
    public void Details_name_the_levels_and_the_chosen_eq()
    {
        var stats = new LumaStats(0, 130, 42.123, 94, 6);

        var details = ColorLevels.Details(stats, ColorLevels.Correction(stats));

        Assert.Equal("eq=brightness=0.131:contrast=1.3:saturation=1", details["eq"]);
        Assert.Equal("6", details["frames"]);
        Assert.Equal("42.12", details["yavg"]);
        Assert.Equal("none", ColorLevels.Details(null, null)["eq"]);
    }

    [Theory]
    [InlineData(300L, 5)]
    [InlineData(45L, 1)]
    [InlineData(null, 25)]
    public void Analysis_samples_about_60_frames(long? frames, int step)
    {
        var video = new VideoStreamInfo(0, "h264", 160, 120, Rational.One, "yuv420p", 8, null, false, 0, false, null, null, false, null, frames);

        Assert.Equal(step, ColorLevels.SampleStep(video, durationSeconds: null));
    }

    [Fact]
    public void Analysis_pass_selects_frames_and_prints_their_signalstats()
    {
        var video = new VideoStreamInfo(0, "h264", 160, 120, Rational.One, "yuv420p", 8, new Rational(30, 1), false, 0, false, null, null, false, 10, null);

        var arguments = ColorLevels.AnalysisArguments("/in/clip.mp4", video, [], durationSeconds: 10);

        string[] expected =
        [
            "-hide_banner", "-nostdin", "-progress", "pipe:1", "-nostats", "-i", "file:/in/clip.mp4", "-map", "0:0", "-an",
            "-vf", @"select=not(mod(n\,5)),format=yuv420p,signalstats,metadata=mode=print", "-f", "null", "-",
        ];
        Assert.Equal(expected, arguments);
    }
}
