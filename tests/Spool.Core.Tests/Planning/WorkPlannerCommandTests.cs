using Spool.Core.Planning;

namespace Spool.Core.Tests.Planning;

public sealed class WorkPlannerCommandTests
{
    [Fact]
    public void Two_presets_make_one_command_that_decodes_once_and_splits()
    {
        var plan = Expected.Plan(Sources.Media(Sources.Video(1920, 1080)), "web_optimized", "mobile_optimized");

        string[] expected =
        [
            .. Expected.Head(
                "[0:0]split=2[s0][s1];"
                + "[s0]scale=1280:720,setsar=1,format=yuv420p[v0];"
                + "[s1]scale=854:480,setsar=1,format=yuv420p[v1]"),
            "-map", "[v0]", "-map", "0:1",
            .. Expected.X264("medium", 28),
            .. Expected.Aac(96),
            .. Expected.Tail("web_optimized"),
            "-map", "[v1]", "-map", "0:1",
            .. Expected.X264("medium", 32),
            .. Expected.Aac(64),
            .. Expected.Tail("mobile_optimized"),
        ];
        Assert.Equal(expected, Expected.Tokens(plan.Fused));
        Assert.Equal(["web_optimized", "mobile_optimized"], plan.Outputs.Select(output => output.PresetName));
    }

    [Fact]
    public void Separate_has_one_command_per_output_equal_to_planning_that_preset_alone()
    {
        var source = Sources.Media(Sources.Video(1920, 1080));

        var plan = Expected.Plan(source, "web_optimized", "mobile_optimized");

        Assert.Equal(2, plan.Separate.Count);
        Assert.Equal(Expected.Tokens(Expected.Plan(source, "web_optimized").Fused), Expected.Tokens(plan.Separate[0]));
        Assert.Equal(Expected.Tokens(Expected.Plan(source, "mobile_optimized").Fused), Expected.Tokens(plan.Separate[1]));
    }

    [Theory]
    [InlineData(1, "1", "1")]
    [InlineData(2, "3", "2")]
    [InlineData(4, "6", "4")]
    public void The_filter_graph_gets_a_thread_a_core_and_the_encoder_half_as_many_again_once_it_has_more_than_one_core(int cores, string encoder, string filters)
    {
        // Measured (README, "Threads as a budget"): a lone 720p encode on 2 cores with -threads 2 took 4.85 s, with
        // -threads 3 4.32 s, ffmpeg's own choice (x264's 1.5 a core) 4.24 s; two at once with one thread each were fastest.
        var plan = Expected.Plan(Sources.Media(Sources.Video(1280, 720)), PlanOptions.Default with { ThreadsPerJob = cores }, "web_optimized");

        var tokens = Expected.Tokens(plan.Fused).ToList();
        Assert.Equal(filters, tokens[tokens.IndexOf("-filter_complex_threads") + 1]);
        Assert.Equal(encoder, tokens[tokens.IndexOf("-threads", tokens.IndexOf("libx264")) + 1]);
    }

    [Fact]
    public void Threads_are_given_to_each_output_and_to_the_filter_graph()
    {
        var options = PlanOptions.Default with { ThreadsPerJob = 4 };

        var plan = Expected.Plan(Sources.Media(Sources.Video(1280, 720)), options, "web_optimized");

        string[] expected =
        [
            "-hide_banner", "-y", "-progress", "pipe:1", "-nostats", "-filter_complex_threads", "4",
            "-i", "file:/in/clip.mp4", "-filter_complex", "[0:0]scale=1280:720,setsar=1,format=yuv420p[v0]",
            "-map", "[v0]", "-map", "0:1",
            .. Expected.X264("medium", 28), "-threads", "6",
            .. Expected.Aac(96),
            .. Expected.Tail("web_optimized"),
        ];
        Assert.Equal(expected, Expected.Tokens(plan.Fused));
        Assert.Equal(expected, Expected.Tokens(plan.Separate[0]));
    }

    public static TheoryData<string, QualityLevel, EncodeMode?, string, int> Knobs => new()
    {
        { "web_optimized", QualityLevel.Medium, null, "medium", 28 },
        { "web_optimized", QualityLevel.High, null, "medium", 25 },
        { "web_optimized", QualityLevel.Ultra, null, "medium", 22 },
        { "web_optimized", QualityLevel.Medium, EncodeMode.Fast, "veryfast", 28 },
        { "web_optimized", QualityLevel.Medium, EncodeMode.Balanced, "medium", 28 },
        { "web_optimized", QualityLevel.Medium, EncodeMode.HighQuality, "slow", 28 },
        { "fast_draft", QualityLevel.Medium, EncodeMode.Fast, "ultrafast", 28 },
        { "archival", QualityLevel.Ultra, EncodeMode.HighQuality, "slow", 12 },
        { "archival", QualityLevel.Medium, EncodeMode.Fast, "veryfast", 18 },
        { "auto", QualityLevel.High, EncodeMode.HighQuality, "slow", 20 },
    };

    [Theory]
    [MemberData(nameof(Knobs))]
    public void Quality_shifts_the_crf_and_mode_picks_the_x264_preset(string preset, QualityLevel quality, EncodeMode? mode, string x264, int crf)
    {
        var options = PlanOptions.Default with { Quality = quality, Mode = mode };

        var plan = Expected.Plan(Sources.Media(Sources.Video(1920, 1080)), options, preset);

        var tokens = Expected.Tokens(plan.Fused).ToList();
        var video = tokens.IndexOf("-c:v");
        Assert.Equal(Expected.X264(x264, crf), tokens[video..(video + 10)]);
    }

    [Fact]
    public void Duplicate_presets_are_a_caller_bug()
    {
        var web = Expected.Preset("web_optimized");

        Assert.Throws<ArgumentException>(() =>
            WorkPlanner.Plan(Sources.Media(Sources.Video(1280, 720)), [web, web], PlanOptions.Default, Expected.Target));
    }
}
