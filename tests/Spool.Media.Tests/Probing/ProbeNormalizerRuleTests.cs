using System.Globalization;
using Spool.Media.Errors;
using Spool.Media.Probing;

namespace Spool.Media.Tests.Probing;

/// <summary>Rules no corpus file shows, on hand-built raw models shaped like ffprobe's.</summary>
public sealed class ProbeNormalizerRuleTests
{
    private static readonly FfprobeStreamEntry Video = new()
    {
        Index = 0,
        CodecType = "video",
        CodecName = "h264",
        Width = 1920,
        Height = 1080,
        PixFmt = "yuv420p",
        RFrameRate = "25/1",
        AvgFrameRate = "25/1",
        Duration = "10.000000",
    };

    private static MediaInfo Probe(params FfprobeStreamEntry[] streams) => Probe(new FfprobeFormat { FormatName = "mov,mp4,m4a,3gp,3g2,mj2", Duration = "10.000000" }, streams);

    private static MediaInfo Probe(FfprobeFormat format, params FfprobeStreamEntry[] streams) =>
        Assert.IsType<ProbeOutcome.Probed>(ProbeNormalizer.Normalize(new FfprobeOutput { Streams = streams, Format = format }, "/in/a.mp4")).Media;

    [Theory]
    [InlineData("90", 90)]
    [InlineData("-90", 270)]
    [InlineData("180", 180)]
    [InlineData("270", 270)]
    [InlineData("360", 0)]
    [InlineData("abc", 0)]
    public void Rotate_tag_is_clockwise(string tag, int expected)
    {
        var video = Video with { Tags = new Dictionary<string, string> { ["rotate"] = tag } };

        Assert.Equal(expected, Probe(video).PrimaryVideo!.Rotation);
    }

    [Theory]
    [InlineData(-90.0, 90)]
    [InlineData(90.0, 270)]
    [InlineData(-180.0, 180)]
    [InlineData(180.0, 180)]
    [InlineData(-270.0, 270)]
    [InlineData(-89.2, 90)]
    [InlineData(-44.0, 0)]
    [InlineData(-46.0, 90)]
    [InlineData(-450.0, 90)]
    [InlineData(double.NaN, 0)]
    public void Display_matrix_rotation_rounds_to_the_nearest_clockwise_quarter_turn(double counterClockwise, int expected)
    {
        var video = Video with { SideDataList = [new FfprobeSideData { SideDataType = "Display Matrix", Rotation = counterClockwise }] };

        Assert.Equal(expected, Probe(video).PrimaryVideo!.Rotation);
    }

    [Fact]
    public void Display_matrix_wins_over_the_rotate_tag()
    {
        var video = Video with
        {
            Tags = new Dictionary<string, string> { ["rotate"] = "180" },
            SideDataList = [new FfprobeSideData { SideDataType = "Display Matrix", Rotation = -90 }],
        };

        Assert.Equal(90, Probe(video).PrimaryVideo!.Rotation);
    }

    [Theory]
    [InlineData("nan", "format duration 'nan' is not a number; ignored.")]
    [InlineData("NaN", "format duration 'NaN' is not a number; ignored.")]
    [InlineData("inf", "format duration 'inf' is not a number; ignored.")]
    [InlineData("3,5", "format duration '3,5' is not a number; ignored.")]
    [InlineData("-1.000000", "format duration '-1.000000' is negative; ignored.")]
    [InlineData("604801.000000", "format duration '604801.000000' is longer than a week; ignored.")]
    public void Unusable_format_duration_is_null_with_a_warning(string duration, string warning)
    {
        var media = Probe(new FfprobeFormat { FormatName = "mp4", Duration = duration }, Video);

        Assert.Null(media.DurationSeconds);
        Assert.Equal([warning], media.Warnings);
    }

    [Theory]
    [InlineData("N/A")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("0.000000")]
    public void Absent_duration_is_null_without_warning(string? duration)
    {
        var media = Probe(Video with { Duration = duration });

        Assert.Null(media.PrimaryVideo!.DurationSeconds);
        Assert.Empty(media.Warnings);
    }

    [Fact]
    public void Stream_duration_warning_names_the_stream()
    {
        var media = Probe(Video with { Index = 3, Duration = "-2.5" });

        Assert.Null(media.PrimaryVideo!.DurationSeconds);
        Assert.Equal(["video stream 3 duration '-2.5' is negative; ignored."], media.Warnings);
    }

    [Fact]
    public void A_week_exactly_is_still_a_duration()
    {
        Assert.Equal(604800.0, Probe(new FfprobeFormat { Duration = "604800.000000" }, Video).DurationSeconds);
    }

    [Fact]
    public void Numbers_parse_the_same_under_a_comma_decimal_culture()
    {
        var before = CultureInfo.CurrentCulture;
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        try
        {
            CultureInfo.CurrentCulture = comma;
            var media = Probe(new FfprobeFormat { Duration = "3.008000", Size = "696854" }, Video with { Duration = "1.166400" });

            Assert.Equal(3.008, media.DurationSeconds);
            Assert.Equal(1.1664, media.PrimaryVideo!.DurationSeconds);
            Assert.Equal(696854, media.SizeBytes);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Frame_rates_more_than_one_percent_apart_are_variable()
    {
        var video = Probe(Video with { RFrameRate = "30/1", AvgFrameRate = "24000/1001" }).PrimaryVideo!;

        Assert.True(video.IsVariableFrameRate);
        Assert.Equal(new Rational(24000, 1001), video.FrameRate);
    }

    [Fact]
    public void Unknown_average_frame_rate_falls_back_to_the_real_base_rate()
    {
        var video = Probe(Video with { RFrameRate = "30000/1001", AvgFrameRate = "0/0" }).PrimaryVideo!;

        Assert.Equal(new Rational(30000, 1001), video.FrameRate);
        Assert.False(video.IsVariableFrameRate);
    }

    [Theory]
    [InlineData(null, "yuv420p10le", 10)]
    [InlineData(null, "p010le", 10)]
    [InlineData(null, "yuv422p10be", 10)]
    [InlineData(null, "yuv444p12le", 12)]
    [InlineData(null, "gray16le", 16)]
    [InlineData(null, "yuv420p", 8)]
    [InlineData(null, "yuv410p", 8)]
    [InlineData(null, null, 8)]
    [InlineData("10", "yuv420p", 10)]
    [InlineData("0", "yuv420p10le", 10)]
    [InlineData("N/A", "yuv420p", 8)]
    public void Bit_depth_comes_from_raw_sample_bits_else_the_pixel_format(string? bits, string? pixelFormat, int expected)
    {
        var video = Probe(Video with { BitsPerRawSample = bits, PixFmt = pixelFormat }).PrimaryVideo!;

        Assert.Equal(expected, video.BitDepth);
    }

    [Theory]
    [InlineData("tt", true)]
    [InlineData("bb", true)]
    [InlineData("tb", true)]
    [InlineData("bt", true)]
    [InlineData("progressive", false)]
    [InlineData("unknown", false)]
    [InlineData(null, false)]
    public void Field_order_decides_interlacing(string? fieldOrder, bool expected)
    {
        Assert.Equal(expected, Probe(Video with { FieldOrder = fieldOrder }).PrimaryVideo!.IsInterlaced);
    }

    [Fact]
    public void Absurd_size_beside_a_real_stream_is_dropped_with_a_warning()
    {
        var media = Probe(Video with { Index = 0, Width = 65535, Height = 2 }, Video with { Index = 1 });

        Assert.Equal(1, Assert.Single(media.VideoStreams).Index);
        Assert.Equal(["video stream 0 claims 65535x2 pixels, more than 16384 on a side; dropped."], media.Warnings);
    }

    [Fact]
    public void Absurd_size_on_the_only_video_stream_is_input_corrupt()
    {
        var raw = new FfprobeOutput { Streams = [Video with { Width = 1920, Height = 99999 }], Format = new FfprobeFormat() };

        var error = Assert.IsType<ProbeOutcome.Failed>(ProbeNormalizer.Normalize(raw, "/in/a.mp4")).Error;

        Assert.Equal(ErrorCategory.InputCorrupt, error.Category);
        Assert.Equal("a.mp4: video stream 0 claims 1920x99999 pixels, more than 16384 on a side.", error.Message);
    }

    [Fact]
    public void The_largest_real_size_is_kept()
    {
        Assert.Equal(16384, Probe(Video with { Width = 16384, Height = 8192 }).PrimaryVideo!.Width);
    }

    [Fact]
    public void Missing_streams_array_is_input_corrupt()
    {
        var outcome = ProbeNormalizer.Normalize(new FfprobeOutput { Format = new FfprobeFormat { FormatName = "mp4" } }, "/in/a.mp4");

        Assert.Equal(ErrorCategory.InputCorrupt, Assert.IsType<ProbeOutcome.Failed>(outcome).Error.Category);
    }

    [Fact]
    public void Display_aspect_alone_gives_the_sample_aspect()
    {
        var video = Probe(Video with { Width = 720, Height = 576, DisplayAspectRatio = "16:9" }).PrimaryVideo!;

        Assert.Equal(new Rational(64, 45), video.SampleAspectRatio);
        Assert.Equal((1024, 576), (video.DisplayWidth, video.DisplayHeight));
    }

    [Fact]
    public void Implausible_sample_aspect_is_square_with_a_warning()
    {
        var media = Probe(Video with { SampleAspectRatio = "1000:1" });

        Assert.Equal(Rational.One, media.PrimaryVideo!.SampleAspectRatio);
        Assert.Equal(["video stream 0 sample aspect ratio 1000/1 is implausible; treated as 1:1."], media.Warnings);
    }

    [Fact]
    public void Missing_format_section_gives_an_unknown_format()
    {
        var outcome = ProbeNormalizer.Normalize(new FfprobeOutput { Streams = [Video] }, "/in/a.mp4");

        var media = Assert.IsType<ProbeOutcome.Probed>(outcome).Media;
        Assert.Equal("unknown", media.FormatName);
        Assert.Null(media.SizeBytes);
    }
}
