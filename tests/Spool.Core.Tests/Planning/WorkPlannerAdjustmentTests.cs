using Spool.Core.Planning;

namespace Spool.Core.Tests.Planning;

public sealed class WorkPlannerAdjustmentTests
{
    private const string Loudnorm =
        "loudnorm=I=-16:TP=-1.5:LRA=11:measured_I=-40.74:measured_TP=-26.81:measured_LRA=0.4:measured_thresh=-50.74:offset=-0.19:linear=true:print_format=summary";

    private static readonly EncodeAdjustments Audio = new() { AudioFilters = ["highpass=f=80,afftdn=nf=-25", Loudnorm, "aresample=48000"] };

    [Fact]
    public void Audio_filters_take_the_source_audio_through_a_labelled_chain_in_a_single_output()
    {
        var plan = Expected.Plan(Sources.Media(Sources.Video(1280, 720)), PlanOptions.Default with { Adjustments = Audio }, "web_optimized");

        string[] expected =
        [
            .. Expected.Head(
                "[0:0]scale=1280:720,setsar=1,format=yuv420p[v0];"
                + $"[0:1]highpass=f=80,afftdn=nf=-25,{Loudnorm},aresample=48000[a0]"),
            "-map", "[v0]", "-map", "[a0]",
            .. Expected.X264("medium", 28),
            .. Expected.Aac(96),
            .. Expected.Tail("web_optimized"),
        ];
        Assert.Equal(expected, Expected.Tokens(plan.Fused));
        Assert.Equal(expected, Expected.Tokens(plan.Separate[0]));
    }

    [Fact]
    public void Audio_filters_run_once_before_an_asplit_in_a_fused_command()
    {
        var source = Sources.Media(Sources.Video(1920, 1080));
        var options = PlanOptions.Default with { Adjustments = Audio };

        var plan = Expected.Plan(source, options, "web_optimized", "mobile_optimized");

        string[] expected =
        [
            .. Expected.Head(
                "[0:0]split=2[s0][s1];"
                + "[s0]scale=1280:720,setsar=1,format=yuv420p[v0];"
                + "[s1]scale=854:480,setsar=1,format=yuv420p[v1];"
                + $"[0:1]highpass=f=80,afftdn=nf=-25,{Loudnorm},aresample=48000,asplit=2[a0][a1]"),
            "-map", "[v0]", "-map", "[a0]",
            .. Expected.X264("medium", 28),
            .. Expected.Aac(96),
            .. Expected.Tail("web_optimized"),
            "-map", "[v1]", "-map", "[a1]",
            .. Expected.X264("medium", 32),
            .. Expected.Aac(64),
            .. Expected.Tail("mobile_optimized"),
        ];
        Assert.Equal(expected, Expected.Tokens(plan.Fused));
        Assert.Equal(Expected.Tokens(Expected.Plan(source, options, "mobile_optimized").Fused), Expected.Tokens(plan.Separate[1]));
    }

    [Fact]
    public void Video_filters_run_after_the_common_filters_and_before_the_split_unescaped()
    {
        const string burn = @"subtitles=filename=file\\:/out/it\\\'s/clip.srt:force_style=FontName=DejaVu Sans";
        var video = Sources.Video(1920, 1080) with { IsInterlaced = true };
        var adjustments = new EncodeAdjustments { VideoFilters = ["hqdn3d=4:3:6:4.5", "eq=brightness=0.131:contrast=1.3:saturation=1", burn] };

        var plan = Expected.Plan(Sources.Media(video), PlanOptions.Default with { Adjustments = adjustments }, "web_optimized", "mobile_optimized");

        Assert.Equal(
            $"[0:0]bwdif=mode=send_frame,hqdn3d=4:3:6:4.5,eq=brightness=0.131:contrast=1.3:saturation=1,{burn},split=2[s0][s1];"
            + "[s0]scale=1280:720,setsar=1,format=yuv420p[v0];"
            + "[s1]scale=854:480,setsar=1,format=yuv420p[v1]",
            Expected.Graph(plan));
        Assert.Equal(["-map", "[v0]", "-map", "0:1"], Expected.Tokens(plan.Fused).Skip(9).Take(4));
    }

    [Fact]
    public void A_subtitle_track_is_a_second_input_muxed_as_mov_text_into_every_output()
    {
        var adjustments = new EncodeAdjustments { SubtitleTrackPath = "/out/clip/subtitles/clip.srt", SubtitleLanguage = "eng" };

        var plan = Expected.Plan(Sources.Media(Sources.Video(1920, 1080)), PlanOptions.Default with { Adjustments = adjustments }, "web_optimized", "mobile_optimized");

        string[] expected =
        [
            "-hide_banner", "-y", "-progress", "pipe:1", "-nostats",
            "-i", "file:/in/clip.mp4", "-i", "file:/out/clip/subtitles/clip.srt",
            "-filter_complex",
            "[0:0]split=2[s0][s1];[s0]scale=1280:720,setsar=1,format=yuv420p[v0];[s1]scale=854:480,setsar=1,format=yuv420p[v1]",
            "-map", "[v0]", "-map", "0:1", "-map", "1:s:0",
            .. Expected.X264("medium", 28),
            .. Expected.Aac(96),
            "-c:s", "mov_text", "-metadata:s:s:0", "language=eng",
            .. Expected.Tail("web_optimized"),
            "-map", "[v1]", "-map", "0:1", "-map", "1:s:0",
            .. Expected.X264("medium", 32),
            .. Expected.Aac(64),
            "-c:s", "mov_text", "-metadata:s:s:0", "language=eng",
            .. Expected.Tail("mobile_optimized"),
        ];
        Assert.Equal(expected, Expected.Tokens(plan.Fused));
        Assert.Equal(["-i", "file:/in/clip.mp4", "-i", "file:/out/clip/subtitles/clip.srt"], Expected.Tokens(plan.Separate[1]).Skip(5).Take(4));
    }

    [Fact]
    public void A_subtitle_track_without_a_language_is_muxed_untagged()
    {
        var adjustments = new EncodeAdjustments { SubtitleTrackPath = "/s.srt" };

        var plan = Expected.Plan(Sources.Media(Sources.Video(1280, 720)), PlanOptions.Default with { Adjustments = adjustments }, "web_optimized");

        var tokens = Expected.Tokens(plan.Fused).ToList();
        Assert.Equal(["-c:s", "mov_text", "-movflags"], tokens[tokens.IndexOf("-c:s")..(tokens.IndexOf("-c:s") + 3)]);
    }

    [Fact]
    public void Audio_filters_are_ignored_for_a_source_without_audio()
    {
        var plan = Expected.Plan(Sources.Media(Sources.Video(1280, 720), null), PlanOptions.Default with { Adjustments = Audio }, "web_optimized");

        Assert.Equal("[0:0]scale=1280:720,setsar=1,format=yuv420p[v0]", Expected.Graph(plan));
        Assert.Equal(["-map", "[v0]", "-c:v"], Expected.Tokens(plan.Fused).Skip(9).Take(3));
    }

    [Fact]
    public void Then_appends_filters_in_order_and_takes_the_later_subtitle_track()
    {
        var first = new EncodeAdjustments { VideoFilters = ["eq=contrast=1.2"], AudioFilters = ["afftdn"], SubtitleTrackPath = "/a.srt", SubtitleLanguage = "fra" };
        var second = new EncodeAdjustments { VideoFilters = ["subtitles=x"] };

        var both = first.Then(second);

        Assert.Equal(["eq=contrast=1.2", "subtitles=x"], both.VideoFilters);
        Assert.Equal(["afftdn"], both.AudioFilters);
        Assert.Equal(("/a.srt", "fra"), (both.SubtitleTrackPath, both.SubtitleLanguage));
        Assert.True(EncodeAdjustments.None.IsEmpty);
        Assert.False(both.IsEmpty);
    }
}
