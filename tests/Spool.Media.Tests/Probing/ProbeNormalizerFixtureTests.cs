using Spool.Media.Errors;
using Spool.Media.Probing;

namespace Spool.Media.Tests.Probing;

public sealed class ProbeNormalizerFixtureTests
{
    [Fact]
    public void Zero_over_zero_frame_rate_becomes_null()
    {
        var media = ProbeFixtures.Media("video_avg_frame_rate_0_0");

        var video = Assert.Single(media.VideoStreams);
        Assert.Equal("msmpeg4v3", video.Codec);
        Assert.Equal((1, 1), (video.Width, video.Height));
        Assert.Null(video.FrameRate);
        Assert.False(video.IsVariableFrameRate);
        Assert.Equal(
            ["video stream 0 has no usable frame rate (r_frame_rate 1000/1, avg_frame_rate 0/0)."],
            media.Warnings);
    }

    [Fact]
    public void Webm_without_average_rate_keeps_its_container_duration()
    {
        // small/webm.webm: avg_frame_rate 0/0 and r_frame_rate 1000/1 (Matroska's millisecond time base).
        var media = ProbeFixtures.Media("webm_avg_frame_rate_0_0");

        Assert.Null(media.PrimaryVideo!.FrameRate);
        Assert.Equal((8, 8), (media.PrimaryVideo.Width, media.PrimaryVideo.Height));
        Assert.Equal(1.0, media.EffectiveDuration);
    }

    [Fact]
    public void Zero_durations_are_unknown_not_zero()
    {
        var media = ProbeFixtures.Media("video_avg_frame_rate_0_0");

        Assert.Equal("asf", media.FormatName);
        Assert.Null(media.DurationSeconds);
        Assert.Null(media.VideoStreams[0].DurationSeconds);
        Assert.Null(media.EffectiveDuration);
        Assert.Equal(535, media.SizeBytes);
        Assert.Null(media.BitRate);
    }

    [Fact]
    public void Container_time_base_is_not_taken_for_a_frame_rate()
    {
        // An encrypted init segment: avg_frame_rate 0/0, r_frame_rate 90000/1 (the MP4 time base).
        var video = ProbeFixtures.Media("encrypted_init_no_duration").VideoStreams[0];

        Assert.Null(video.FrameRate);
        Assert.Equal(new Rational(4, 3), video.SampleAspectRatio);
        Assert.Equal((853, 480), (video.DisplayWidth, video.DisplayHeight));
    }

    [Fact]
    public void Missing_format_duration_is_null_without_warning()
    {
        var media = ProbeFixtures.Media("format_no_duration");

        Assert.Equal("wav", media.FormatName);
        Assert.Null(media.DurationSeconds);
        Assert.Null(media.EffectiveDuration);
        Assert.Empty(media.VideoStreams);
        Assert.Equal(new AudioStreamInfo(0, "pcm_s16le", 1, 44100, null, null), Basic(Assert.Single(media.AudioStreams)));
        Assert.Equal(44, media.SizeBytes);
        Assert.Equal(705600, media.BitRate);
        Assert.Empty(media.Warnings);
    }

    [Fact]
    public void Streams_without_duration_fall_back_to_the_container_duration()
    {
        var media = ProbeFixtures.Media("mkv_sar_dar");

        Assert.Null(media.VideoStreams[0].DurationSeconds);
        Assert.Equal(5.57, media.EffectiveDuration);
        Assert.Equal(new AudioStreamInfo(1, "aac", 1, 44100, "mono", null), Basic(media.PrimaryAudio));
    }

    [Fact]
    public void Late_starting_video_lasts_its_stream_duration_not_the_container_span()
    {
        var media = ProbeFixtures.Media("video_rotation_side_data_minus_90");

        Assert.Equal(1.311, media.EffectiveDuration);
        Assert.Equal(1.1664, media.TimelineDuration);
    }

    [Fact]
    public void Display_matrix_minus_90_is_a_clockwise_quarter_turn()
    {
        var video = Assert.Single(ProbeFixtures.Media("video_rotation_side_data_minus_90").VideoStreams);

        Assert.Equal(90, video.Rotation);
        Assert.Equal((1280, 720), (video.Width, video.Height));
        Assert.Equal((720, 1280), (video.DisplayWidth, video.DisplayHeight));
    }

    [Fact]
    public void Display_matrix_plus_90_is_270_clockwise()
    {
        var video = ProbeFixtures.Media("video_rotation_side_data_90").PrimaryVideo!;

        Assert.Equal(270, video.Rotation);
        Assert.Equal((720, 1280), (video.DisplayWidth, video.DisplayHeight));
    }

    [Fact]
    public void Frame_rates_within_one_percent_are_constant()
    {
        // r_frame_rate 30/1 against avg_frame_rate 21875/729 (30.007): a phone's jitter, not variable frame rate.
        var video = ProbeFixtures.Media("video_rotation_side_data_minus_90").VideoStreams[0];

        Assert.Equal(new Rational(21875, 729), video.FrameRate);
        Assert.False(video.IsVariableFrameRate);
        Assert.Equal(35, video.FrameCount);
        Assert.Equal(1.1664, video.DurationSeconds);
    }

    [Fact]
    public void Audio_before_video_keeps_absolute_indexes()
    {
        var media = ProbeFixtures.Media("audio_stream_first");

        Assert.Equal(1, Assert.Single(media.VideoStreams).Index);
        Assert.Equal(new AudioStreamInfo(0, "aac", 1, 44100, "mono", 2.668345), Basic(Assert.Single(media.AudioStreams)));
        Assert.Equal(180, media.PrimaryVideo!.Rotation);
        Assert.Equal((568, 320), (media.PrimaryVideo.DisplayWidth, media.PrimaryVideo.DisplayHeight));
    }

    [Fact]
    public void Attached_picture_is_not_a_video_stream()
    {
        var media = ProbeFixtures.Media("attached_picture");

        var video = Assert.Single(media.VideoStreams);
        Assert.Equal(0, video.Index);
        Assert.Equal("h264", video.Codec);
        Assert.Equal(1, Assert.Single(media.AudioStreams).Index);
        Assert.False(media.IsStillImage);
        Assert.Empty(media.Warnings);
    }

    [Fact]
    public void Zero_streams_is_input_corrupt()
    {
        var error = ProbeFixtures.Error("zero_streams");

        Assert.Equal(ErrorCategory.InputCorrupt, error.Category);
        Assert.Equal("zero_streams.media has no audio or video streams.", error.Message);
        Assert.Equal(ErrorCategory.InputCorrupt.DefaultHint(), error.Hint);
    }

    [Fact]
    public void Negative_format_duration_is_null_with_a_warning()
    {
        var media = ProbeFixtures.Media("negative_duration");

        Assert.Null(media.DurationSeconds);
        Assert.Equal(["format duration '-0.500000' is negative; ignored."], media.Warnings);
        Assert.Equal(1.0, media.EffectiveDuration);
    }

    [Fact]
    public void Every_real_video_track_is_kept_in_index_order()
    {
        var media = ProbeFixtures.Media("av1_two_tracks");

        Assert.Equal([0, 1], media.VideoStreams.Select(v => v.Index));
        Assert.Equal(["yuv420p", "gray"], media.VideoStreams.Select(v => v.PixelFormat));
        Assert.Equal(48, media.PrimaryVideo!.FrameCount);
    }

    [Fact]
    public void Anamorphic_source_displays_wider_than_it_is_stored()
    {
        var video = ProbeFixtures.Media("anamorphic_sar_16_9").VideoStreams[0];

        Assert.Equal(new Rational(16, 9), video.SampleAspectRatio);
        Assert.Equal((640, 480), (video.Width, video.Height));
        Assert.Equal((1138, 480), (video.DisplayWidth, video.DisplayHeight));
        Assert.Equal(1, video.FrameCount);
    }

    [Fact]
    public void Hlg_ten_bit_source_is_hdr_with_depth_from_pixel_format()
    {
        var video = ProbeFixtures.Media("hdr_hlg_10bit").VideoStreams[0];

        Assert.Equal("hevc", video.Codec);
        Assert.Equal("yuv420p10le", video.PixelFormat);
        Assert.Equal(10, video.BitDepth);
        Assert.True(video.IsHdr);
        Assert.Equal("arib-std-b67", video.ColorTransfer);
        Assert.Equal("bt2020", video.ColorPrimaries);
        Assert.False(video.IsInterlaced);
    }

    [Fact]
    public void Pq_ten_bit_source_is_hdr()
    {
        var video = ProbeFixtures.Media("hdr_pq_10bit").VideoStreams[0];

        Assert.True(video.IsHdr);
        Assert.Equal("smpte2084", video.ColorTransfer);
        Assert.Equal(10, video.BitDepth);
    }

    [Fact]
    public void Bt709_source_is_not_hdr()
    {
        var video = ProbeFixtures.Media("video_rotation_side_data_minus_90").VideoStreams[0];

        Assert.False(video.IsHdr);
        Assert.Equal("bt709", video.ColorTransfer);
        Assert.Equal(8, video.BitDepth);
    }

    [Fact]
    public void Top_field_first_source_is_interlaced()
    {
        Assert.True(ProbeFixtures.Media("interlaced_tt").VideoStreams[0].IsInterlaced);
        Assert.False(ProbeFixtures.Media("surround_5_1").VideoStreams[0].IsInterlaced);
    }

    [Fact]
    public void Audio_only_file_probes_with_no_video_streams()
    {
        var media = ProbeFixtures.Media("audio_only");

        Assert.Empty(media.VideoStreams);
        Assert.Null(media.PrimaryVideo);
        Assert.Equal(new AudioStreamInfo(0, "aac", 2, 44100, "stereo", 10.008005), Basic(media.PrimaryAudio));
        Assert.Equal(10.032, media.EffectiveDuration);
        Assert.False(media.IsStillImage);
    }

    [Fact]
    public void Subtitles_only_file_probes_with_a_subtitle_count()
    {
        var media = ProbeFixtures.Media("subtitles_only");

        Assert.Equal("srt", media.FormatName);
        Assert.Equal(1, media.SubtitleStreamCount);
        Assert.Empty(media.VideoStreams);
        Assert.Empty(media.AudioStreams);
    }

    [Fact]
    public void Surround_source_reports_six_channels_and_the_container_figures()
    {
        var media = ProbeFixtures.Media("surround_5_1");

        Assert.Equal(new AudioStreamInfo(1, "aac", 6, 48000, "5.1", 3.008), Basic(media.PrimaryAudio));
        Assert.Equal("mov,mp4,m4a,3gp,3g2,mj2", media.FormatName);
        Assert.Equal(3.008, media.DurationSeconds);
        Assert.Equal(696854, media.SizeBytes);
        Assert.Equal(1853335, media.BitRate);
        Assert.Equal(
            new VideoStreamInfo(0, "h264", 1280, 720, Rational.One, "yuv420p", 8, new Rational(25, 1), false, 0, false, null, null, false, 3.0, 75) { BitRate = 1471810, Profile = "Main", Level = "3.1" },
            media.PrimaryVideo);
        Assert.Equal("/in/surround_5_1.media", media.Path);
        Assert.Empty(media.Warnings);
    }

    [Fact]
    public void Missing_pixel_format_is_null_and_eight_bit()
    {
        var video = ProbeFixtures.Media("avi_no_pix_fmt").VideoStreams[0];

        Assert.Null(video.PixelFormat);
        Assert.Equal(8, video.BitDepth);
        Assert.Equal(new Rational(100, 1), video.FrameRate);
    }

    [Fact]
    public void Zero_audio_stream_duration_is_unknown()
    {
        // test_case_1185230.mp4: a negative mdhd time scale leaves the AAC track at 0.000000 s.
        var media = ProbeFixtures.Media("negative_timescale");

        Assert.Null(media.PrimaryAudio!.DurationSeconds);
        Assert.Equal(0.416667, media.PrimaryVideo!.DurationSeconds);
    }

    // These fixtures check the stream's shape; bit rate, profile, depth and language are ProbeCommandTests' and ProbeValues' concern.
    private static AudioStreamInfo? Basic(AudioStreamInfo? audio) =>
        audio is null ? null : audio with { BitRate = null, Profile = null, BitsPerSample = null, Language = null };
}
