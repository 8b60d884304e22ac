using Spool.Core.Planning;
using Spool.Media.Errors;
using Spool.Media.Probing;

namespace Spool.Core.Tests.Planning;

public sealed class WorkPlannerStreamTests
{
    [Fact]
    public void Surround_audio_is_downmixed_to_stereo()
    {
        var surround = Sources.Stereo with { Channels = 6, ChannelLayout = "5.1(side)" };

        var plan = Expected.Plan(Sources.Media(Sources.Video(1280, 720), surround), "high_quality");

        string[] expected =
        [
            .. Expected.Head("[0:0]scale=1280:720,setsar=1,format=yuv420p[v0]"),
            "-map", "[v0]", "-map", "0:1",
            .. Expected.X264("slow", 18),
            .. Expected.Aac(192, channels: 2),
            .. Expected.Tail("high_quality"),
        ];
        Assert.Equal(expected, Expected.Tokens(plan.Fused));
    }

    [Fact]
    public void Audio_that_runs_through_the_graph_keeps_its_language_tag()
    {
        var english = Sources.Stereo with { Language = "eng" };

        var plan = Expected.Plan(Sources.Media(Sources.Video(1280, 720), english), PlanOptions.Default with { EncoderQc = true }, "web_optimized");

        var tokens = Expected.Tokens(plan.Fused).ToList();
        Assert.Equal("[a0]", tokens[tokens.IndexOf("[v0]", tokens.IndexOf("-map")) + 2]);
        Assert.Equal(["-metadata:s:a:0", "language=eng"], tokens[tokens.IndexOf("-metadata:s:a:0")..(tokens.IndexOf("-metadata:s:a:0") + 2)]);
    }

    [Fact]
    public void Archival_keeps_every_audio_track_in_its_layout_and_every_text_subtitle_and_warns_of_a_picture_subtitle()
    {
        var surround = new AudioStreamInfo(2, "ac3", 6, 48_000, "5.1(side)", 10);
        var source = Sources.Media(Sources.Video(1280, 720), Sources.Stereo) with
        {
            AudioStreams = [Sources.Stereo, surround],
            SubtitleStreamCount = 3,
            SubtitleStreams = [new(3, "subrip", "eng"), new(4, "hdmv_pgs_subtitle", "fre"), new(5, "ass", null)],
        };

        var plan = Expected.Plan(source, "archival", "high_quality");

        string[] expected =
        [
            .. Expected.Head("[0:0]split=2[s0][s1];[s0]scale=1280:720,setsar=1,format=yuv420p[v0];[s1]scale=1280:720,setsar=1,format=yuv420p[v1]"),
            "-map", "[v0]", "-map", "0:1", "-map", "0:2", "-map", "0:3", "-map", "0:5",
            .. Expected.X264("slow", 18),
            "-c:a:0", "aac", "-b:a:0", "256k", "-ac:a:0", "2",
            "-c:a:1", "aac", "-b:a:1", "768k",
            "-c:s", "mov_text",
            .. Expected.Tail("archival"),
            "-map", "[v1]", "-map", "0:1",
            .. Expected.X264("slow", 18),
            .. Expected.Aac(192),
            .. Expected.Tail("high_quality"),
        ];
        Assert.Equal(expected, Expected.Tokens(plan.Fused));
        Assert.Equal(["Subtitle stream 4 (hdmv_pgs_subtitle, fre) is a picture subtitle, which an MP4 cannot hold: it is not kept."], plan.Warnings);
    }

    [Fact]
    public void Mono_audio_stays_mono()
    {
        var mono = Sources.Stereo with { Channels = 1, ChannelLayout = "mono" };

        var plan = Expected.Plan(Sources.Media(Sources.Video(1280, 720), mono), "web_optimized");

        Assert.Equal(Expected.Aac(96, channels: 1), AudioTokens(plan));
    }

    [Fact]
    public void Audio_above_48_khz_is_resampled_to_48_khz()
    {
        var hiRes = Sources.Stereo with { SampleRate = 96_000 };

        var plan = Expected.Plan(Sources.Media(Sources.Video(1280, 720), hiRes), "web_optimized");

        Assert.Equal([.. Expected.Aac(96), "-ar", "48000"], AudioTokens(plan));
    }

    [Fact]
    public void Audio_at_44_1_khz_keeps_its_rate()
    {
        var cd = Sources.Stereo with { SampleRate = 44_100 };

        var plan = Expected.Plan(Sources.Media(Sources.Video(1280, 720), cd), "web_optimized");

        Assert.Equal(Expected.Aac(96), AudioTokens(plan));
    }

    [Fact]
    public void Source_without_audio_gets_no_audio_and_says_so()
    {
        var plan = Expected.Plan(Sources.Media(Sources.Video(1280, 720), audio: null), "web_optimized");

        string[] expected =
        [
            .. Expected.Head("[0:0]scale=1280:720,setsar=1,format=yuv420p[v0]"),
            "-map", "[v0]",
            .. Expected.X264("medium", 28),
            "-an",
            .. Expected.Tail("web_optimized"),
        ];
        Assert.Equal(expected, Expected.Tokens(plan.Fused));
        Assert.False(plan.Outputs[0].HasAudio);
    }

    [Fact]
    public void Attached_picture_at_index_0_does_not_take_the_place_of_the_video()
    {
        // The normaliser leaves cover art out of VideoStreams; the real video keeps its absolute index 1.
        var video = Sources.Video(1280, 720) with { Index = 1 };
        var audio = Sources.Stereo with { Index = 2 };

        var plan = Expected.Plan(Sources.Media(video, audio), "web_optimized");

        string[] expected =
        [
            .. Expected.Head("[0:1]scale=1280:720,setsar=1,format=yuv420p[v0]"),
            "-map", "[v0]", "-map", "0:2",
            .. Expected.X264("medium", 28),
            .. Expected.Aac(96),
            .. Expected.Tail("web_optimized"),
        ];
        Assert.Equal(expected, Expected.Tokens(plan.Fused));
    }

    [Fact]
    public void Audio_only_source_is_rejected_as_no_video_stream()
    {
        var outcome = WorkPlanner.Plan(Sources.Media(video: null, Sources.Stereo), [Expected.Preset("auto")], PlanOptions.Default, Expected.Target);

        var rejected = Assert.IsType<PlanOutcome.Rejected>(outcome);
        Assert.Equal(ErrorCategory.NoVideoStream, rejected.Error.Category);
        Assert.Equal("'clip.mp4' has no video stream.", rejected.Error.Message);
    }

    [Fact]
    public void Still_image_is_rejected_as_not_a_video()
    {
        var image = Sources.Media(Sources.Video(800, 600) with { Codec = "png", FrameRate = null }, audio: null) with { IsStillImage = true };

        var outcome = WorkPlanner.Plan(image, [Expected.Preset("auto")], PlanOptions.Default, Expected.Target);

        var rejected = Assert.IsType<PlanOutcome.Rejected>(outcome);
        Assert.Equal(ErrorCategory.NotAVideo, rejected.Error.Category);
    }

    [Fact]
    public void Output_plan_names_the_final_and_partial_paths_and_what_to_expect()
    {
        var plan = Expected.Plan(Sources.Media(Sources.Video(1920, 1080)), "youtube");

        var expected = new OutputPlan(
            "youtube",
            "/out/clip/video/clip_youtube.mp4",
            "/out/clip/video/clip_youtube.partial.mp4",
            1920,
            1080,
            HasAudio: true,
            ExpectedDurationSeconds: 10);
        Assert.Equal(expected, Assert.Single(plan.Outputs));
        Assert.Equal(Sources.InputPath, plan.InputPath);
    }

    [Fact]
    public void Duration_falls_back_to_the_video_stream_when_the_container_has_none()
    {
        var source = Sources.Media(Sources.Video(1280, 720) with { DurationSeconds = 7.5 }) with { DurationSeconds = null };

        var plan = Expected.Plan(source, "web_optimized");

        Assert.Equal(7.5, plan.Outputs[0].ExpectedDurationSeconds);
    }

    private static string[] AudioTokens(WorkPlan plan)
    {
        var tokens = Expected.Tokens(plan.Fused).ToList();
        var start = tokens.IndexOf("-c:a");
        var end = tokens.IndexOf("-movflags");
        return tokens[start..end].ToArray();
    }
}
