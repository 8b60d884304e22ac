using Spool.Media.Probing;

namespace Spool.Media.Tests.Probing;

public sealed class StillImageTests
{
    [Fact]
    public void Png_through_png_pipe_is_a_still_image()
    {
        var media = ProbeFixtures.Media("still_image_png");

        Assert.True(media.IsStillImage);
        Assert.Equal("png_pipe", media.FormatName);
        var picture = Assert.Single(media.VideoStreams);
        Assert.Equal(("png", 1, 1, "rgba"), (picture.Codec, picture.Width, picture.Height, picture.PixelFormat));
        Assert.Null(media.EffectiveDuration);
        Assert.Empty(media.Warnings);
    }

    [Fact]
    public void Image2_format_is_a_still_image_even_with_a_duration()
    {
        var media = ProbeFixtures.Media("mng_image2");

        Assert.True(media.IsStillImage);
        Assert.Equal(0.04, media.DurationSeconds);
    }

    [Fact]
    public void Gif_without_duration_is_a_still_image()
    {
        var media = ProbeFixtures.Media("still_image_gif");

        Assert.Equal("gif", media.FormatName);
        Assert.True(media.IsStillImage);
        Assert.Null(media.PrimaryVideo!.DurationSeconds);
    }

    [Fact]
    public void Animated_gif_is_a_video()
    {
        var media = ProbeFixtures.Media("gif_animated");

        Assert.False(media.IsStillImage);
        Assert.Equal(10, media.PrimaryVideo!.FrameCount);
        Assert.Equal(1.0, media.DurationSeconds);
    }

    [Fact]
    public void One_frame_h264_mp4_is_still_a_video()
    {
        var media = ProbeFixtures.Media("single_frame_h264");

        Assert.False(media.IsStillImage);
        Assert.Equal(1, media.PrimaryVideo!.FrameCount);
    }

    [Fact]
    public void One_frame_picture_codec_in_a_container_is_a_still_image()
    {
        var raw = new FfprobeOutput
        {
            Streams =
            [
                new FfprobeStreamEntry
                {
                    Index = 0, CodecType = "video", CodecName = "mjpeg", Width = 640, Height = 480,
                    Duration = "0.040000", NbFrames = "1",
                },
            ],
            Format = new FfprobeFormat { FormatName = "avi", Duration = "0.040000" },
        };

        var media = Assert.IsType<ProbeOutcome.Probed>(ProbeNormalizer.Normalize(raw, "/in/cover.avi")).Media;

        Assert.True(media.IsStillImage);
    }

    [Fact]
    public void Jpeg_with_zero_size_is_dropped_but_still_an_image()
    {
        var media = ProbeFixtures.Media("jpeg_zero_dimensions");

        Assert.Empty(media.VideoStreams);
        Assert.True(media.IsStillImage);
        Assert.Equal(["video stream 0 has no picture size (0x0); dropped."], media.Warnings);
    }

    [Fact]
    public void Truncated_png_with_zero_size_has_no_video_stream()
    {
        var media = ProbeFixtures.Media("png_truncated_zero_dimensions");

        Assert.Empty(media.VideoStreams);
        Assert.True(media.IsStillImage);
        Assert.Equal(["video stream 0 has no picture size (0x0); dropped."], media.Warnings);
    }

    [Fact]
    public void Bogus_webp_size_under_the_limit_is_kept()
    {
        // small/webp.webp claims 11330x446 from a 26-byte file: plausible enough to pass; decoding will reject it later.
        var media = ProbeFixtures.Media("webp_bogus_dimensions");

        Assert.True(media.IsStillImage);
        Assert.Equal((11330, 446), (media.PrimaryVideo!.Width, media.PrimaryVideo.Height));
    }
}
