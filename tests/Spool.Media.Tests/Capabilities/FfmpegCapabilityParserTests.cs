using Spool.Media.Capabilities;

namespace Spool.Media.Tests.Capabilities;

// Real output of Debian 12's ffmpeg 5.1 with "-hide_banner", trimmed to its legend and a few rows.
public sealed class FfmpegCapabilityParserTests
{
    private const string Version =
        "ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026 the FFmpeg developers\n"
        + "built with gcc 12 (Debian 12.2.0-14+deb12u1)\n"
        + "configuration: --prefix=/usr --extra-version=0+deb12u1 --toolchain=hardened --enable-gpl --enable-libx264\n"
        + "libavutil      57. 28.100 / 57. 28.100\n"
        + "libavcodec     59. 37.100 / 59. 37.100\n";

    private const string Encoders =
        "Encoders:\n"
        + " V..... = Video\n"
        + " A..... = Audio\n"
        + " S..... = Subtitle\n"
        + " .F.... = Frame-level multithreading\n"
        + " ..S... = Slice-level multithreading\n"
        + " ...X.. = Codec is experimental\n"
        + " ....B. = Supports draw_horiz_band\n"
        + " .....D = Supports direct rendering method 1\n"
        + " ------\n"
        + " V....D a64multi             Multicolor charset for Commodore 64 (codec a64_multi)\n"
        + " V....D libx264              libx264 H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10 (codec h264)\n"
        + " V....D h264_nvenc           NVIDIA NVENC H.264 encoder (codec h264)\n"
        + " VFS... mjpeg                MJPEG (Motion JPEG)\n"
        + " V....D libvpx-vp9           libvpx VP9 (codec vp9)\n"
        + " A..... aac                  AAC (Advanced Audio Coding)\n"
        + " S..... ass                  ASS (Advanced SubStation Alpha) subtitle\n";

    private const string Filters =
        "Filters:\n"
        + "  T.. = Timeline support\n"
        + "  .S. = Slice threading\n"
        + "  ..C = Command support\n"
        + "  A = Audio input/output\n"
        + "  V = Video input/output\n"
        + "  N = Dynamic number and/or type of input/output\n"
        + "  | = Source or sink filter\n"
        + " ... abench            A->A       Benchmark part of a filtergraph.\n"
        + " ... loudnorm          A->A       EBU R128 loudness normalization\n"
        + " ..C scale             V->V       Scale the input video size and/or convert the image format.\n"
        + " ... split             V->N       Pass on the input to N video outputs.\n"
        + " TS. ssim              VV->V      Calculate the SSIM between two video streams.\n"
        + " .SC zscale            V->V       Apply resizing, colorspace and bit depth conversion.\n"
        + " ..C amovie            |->N       Read audio from a movie source.\n"
        + " ... nullsink          V->|       Do absolutely nothing with the input video.\n";

    private const string HardwareAccelerations =
        "Hardware acceleration methods:\nvdpau\ncuda\nvaapi\nqsv\ndrm\nopencl\nvulkan\n\n";

    [Fact]
    public void Version_is_the_word_after_ffmpeg_version()
    {
        Assert.Equal("5.1.9-0+deb12u1", FfmpegCapabilityParser.ParseVersion(Version));
    }

    [Theory]
    [InlineData("ffmpeg version n7.1 Copyright (c) 2000-2024 the FFmpeg developers", "n7.1")]
    [InlineData("ffmpeg version N-118448-g43be8d0728-20250209 Copyright (c) 2000-2025", "N-118448-g43be8d0728-20250209")]
    public void Other_builds_name_their_version_the_same_way(string line, string expected)
    {
        Assert.Equal(expected, FfmpegCapabilityParser.ParseVersion(line));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ffprobe version 5.1.9-0+deb12u1 Copyright (c) 2007-2026 the FFmpeg developers")]
    [InlineData("Usage: something-else [options]")]
    public void Text_that_is_not_ffmpeg_version_output_has_no_version(string text)
    {
        Assert.Null(FfmpegCapabilityParser.ParseVersion(text));
    }

    [Fact]
    public void Encoders_are_the_names_below_the_rule_and_never_the_legend()
    {
        var encoders = FfmpegCapabilityParser.ParseEncoders(Encoders);

        Assert.Equal(
            ["a64multi", "aac", "ass", "h264_nvenc", "libvpx-vp9", "libx264", "mjpeg"],
            encoders.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Filters_are_the_rows_with_an_input_output_column()
    {
        var filters = FfmpegCapabilityParser.ParseFilters(Filters);

        Assert.Equal(
            ["abench", "amovie", "loudnorm", "nullsink", "scale", "split", "ssim", "zscale"],
            filters.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Hardware_accelerations_are_the_lines_after_the_heading()
    {
        var methods = FfmpegCapabilityParser.ParseHardwareAccelerations(HardwareAccelerations);

        Assert.Equal(["cuda", "drm", "opencl", "qsv", "vaapi", "vdpau", "vulkan"], methods.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_build_without_hardware_acceleration_lists_none()
    {
        Assert.Empty(FfmpegCapabilityParser.ParseHardwareAccelerations("Hardware acceleration methods:\n\n"));
    }

    [Fact]
    public void Capabilities_answer_by_exact_name()
    {
        var capabilities = new FfmpegCapabilities(
            "5.1.9-0+deb12u1",
            FfmpegCapabilityParser.ParseEncoders(Encoders),
            FfmpegCapabilityParser.ParseFilters(Filters),
            FfmpegCapabilityParser.ParseHardwareAccelerations(HardwareAccelerations));

        Assert.True(capabilities.HasEncoder("libx264"));
        Assert.False(capabilities.HasEncoder("LIBX264"));
        Assert.False(capabilities.HasEncoder("libsvtav1"));
        Assert.True(capabilities.HasFilter("zscale"));
        Assert.False(capabilities.HasFilter("libvmaf"));
        Assert.True(capabilities.HasHardwareAcceleration("vaapi"));
    }
}
