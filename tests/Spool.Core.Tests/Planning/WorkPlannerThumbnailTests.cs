using Spool.Core.Planning;
using Spool.Media.Hardware;

namespace Spool.Core.Tests.Planning;

/// <summary>
/// Issue 12, item 2: the report's thumbnail is one more output of the encode itself: the output's final picture is
/// split, the branch keeps the first frame at or after the middle, 160 px wide, as a JPEG beside the output's partial.
/// </summary>
public sealed class WorkPlannerThumbnailTests
{
    private static readonly PlanOptions Thumbnails = PlanOptions.Default with { ReportThumbnails = true };

    // The 10 s source's middle is 5 s.
    private const string Select = @"select=gte(t\,5)*isnan(prev_selected_t),scale=160:-2";

    private static string[] Jpeg(string label, string preset) =>
        ["-map", $"[{label}]", "-c:v", "mjpeg", "-q:v", "5", "-an", "-fps_mode", "passthrough", "-update", "1", "-f", "image2", $"file:/out/clip/video/clip_{preset}.partial.jpg"];

    [Fact]
    public void One_encoded_output_splits_its_final_picture_into_a_jpeg_of_the_middle_frame()
    {
        var plan = Expected.Plan(Sources.Media(Sources.Video(1920, 1080)), Thumbnails, "web_optimized");

        string[] expected =
        [
            .. Expected.Head($"[0:0]scale=1280:720,setsar=1,format=yuv420p,split=2[v0][t0];[t0]{Select}[j0]"),
            "-map", "[v0]", "-map", "0:1",
            .. Expected.X264("medium", 28),
            .. Expected.Aac(96),
            .. Expected.Tail("web_optimized"),
            .. Jpeg("j0", "web_optimized"),
        ];
        Assert.Equal(expected, Expected.Tokens(plan.Fused));
        Assert.Equal(expected, Expected.Tokens(plan.Separate[0]));
        Assert.Equal(new EncodedThumbnail("/out/clip/video/clip_web_optimized.partial.jpg", 5), plan.Outputs[0].Thumbnail);
    }

    [Fact]
    public void A_fused_run_gives_each_output_its_own_jpeg_after_every_video_output()
    {
        var plan = Expected.Plan(Sources.Media(Sources.Video(1920, 1080)), Thumbnails, "web_optimized", "mobile_optimized");

        string[] expected =
        [
            .. Expected.Head(
                "[0:0]split=2[s0][s1];"
                + "[s0]scale=1280:720,setsar=1,format=yuv420p,split=2[v0][t0];"
                + "[s1]scale=854:480,setsar=1,format=yuv420p,split=2[v1][t1];"
                + $"[t0]{Select}[j0];"
                + $"[t1]{Select}[j1]"),
            "-map", "[v0]", "-map", "0:1",
            .. Expected.X264("medium", 28),
            .. Expected.Aac(96),
            .. Expected.Tail("web_optimized"),
            "-map", "[v1]", "-map", "0:1",
            .. Expected.X264("medium", 32),
            .. Expected.Aac(64),
            .. Expected.Tail("mobile_optimized"),
            .. Jpeg("j0", "web_optimized"),
            .. Jpeg("j1", "mobile_optimized"),
        ];
        Assert.Equal(expected, Expected.Tokens(plan.Fused));
    }

    [Fact]
    public void The_jpeg_is_named_after_the_jobs_lease_like_the_outputs_partial()
    {
        var target = Expected.Target with { PartialTags = new Dictionary<string, string>(StringComparer.Ordinal) { ["web_optimized"] = "partial-7-3" } };

        var outcome = WorkPlanner.Plan(Sources.Media(Sources.Video(1280, 720)), [Expected.Preset("web_optimized")], Thumbnails, target);

        var output = Assert.IsType<PlanOutcome.Planned>(outcome).Plan.Outputs[0];
        Assert.Equal("/out/clip/video/clip_web_optimized.partial-7-3.mp4", output.PartialPath);
        Assert.Equal("/out/clip/video/clip_web_optimized.partial-7-3.jpg", output.Thumbnail?.PartialPath);
    }

    [Fact]
    public void Remuxes_hardware_encodes_and_sources_of_unknown_length_keep_the_reports_own_thumbnail()
    {
        var fitting = Sources.Media(Sources.Video(640, 360) with { Profile = "High", BitRate = 400_000 }, Sources.Stereo with { BitRate = 96_000 });
        var capped = Expected.Preset("web_optimized") with { Name = "web_capped", MaxBitrateKbps = 1000 };
        var remux = Assert.IsType<PlanOutcome.Planned>(WorkPlanner.Plan(fitting, [capped], Thumbnails, Expected.Target)).Plan;
        var nvenc = Thumbnails with
        {
            ProvenHardware = new HardwareSupport([.. HardwareSetup.Preference.Select(b => new HardwareProof(b, b == HardwareBackend.Cuda, "trial"))]),
        };
        var gpu = Expected.Plan(Sources.Media(Sources.Video(1920, 1080)), nvenc, "web_optimized");
        var unknown = Expected.Plan(Sources.Media(Sources.Video(1920, 1080) with { DurationSeconds = null }, null) with { DurationSeconds = null }, Thumbnails, "web_optimized");

        foreach (var plan in new[] { remux, gpu, unknown })
        {
            Assert.Null(plan.Outputs[0].Thumbnail);
            Assert.DoesNotContain("image2", Expected.Tokens(plan.Fused));
        }

        Assert.Equal(OutputMethod.Copy, remux.Outputs[0].Method);
        Assert.NotNull(gpu.Hardware);
        Assert.NotNull(gpu.Hardware!.CpuPlan.Outputs[0].Thumbnail);
    }

    [Fact]
    public void Outputs_that_differ_only_in_their_paths_are_still_one_encode()
    {
        var source = Sources.Media(Sources.Video(1280, 720));

        var plan = Expected.Plan(source, Thumbnails, "social_media", "instagram");

        Assert.Equal([null, "social_media"], plan.Outputs.Select(output => output.DuplicateOf));
        Assert.Equal(Expected.Tokens(Expected.Plan(source, Thumbnails, "social_media").Fused), Expected.Tokens(plan.Fused));
    }

    [Fact]
    public void Without_the_option_a_plan_has_no_thumbnail_output()
    {
        var plan = Expected.Plan(Sources.Media(Sources.Video(1920, 1080)), "web_optimized");

        Assert.Null(plan.Outputs[0].Thumbnail);
        Assert.Single(plan.Fused.Outputs);
    }
}
