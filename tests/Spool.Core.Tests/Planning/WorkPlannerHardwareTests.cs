using Spool.Core.Planning;
using Spool.Media.Commands;
using Spool.Media.Hardware;

namespace Spool.Core.Tests.Planning;

/// <summary>--hwaccel: hardware encoders only where proved, exact tokens per backend, and the CPU plan kept for fallback.</summary>
public sealed class WorkPlannerHardwareTests
{
    private static readonly string[] WebAudio = ["-map", "[v0]", "-map", "0:1"];

    private static PlanOptions Proven(HardwareChoice choice, params HardwareBackend[] backends) => PlanOptions.Default with
    {
        Hardware = choice,
        ProvenHardware = new HardwareSupport([.. HardwareSetup.Preference.Select(b => new HardwareProof(b, backends.Contains(b), backends.Contains(b) ? "trial encoded" : "trial failed"))]),
    };

    [Fact]
    public void Auto_without_a_proven_backend_plans_exactly_the_cpu_commands()
    {
        var source = Sources.Media(Sources.Video(1920, 1080));
        var cpu = Expected.Plan(source, PlanOptions.Default with { Hardware = HardwareChoice.None }, "web_optimized", "youtube");

        var auto = Expected.Plan(source, Proven(HardwareChoice.Auto), "web_optimized", "youtube");

        Assert.Equal(Expected.Tokens(cpu.Fused), Expected.Tokens(auto.Fused));
        Assert.Equal(cpu.Separate.Select(Expected.Tokens), auto.Separate.Select(Expected.Tokens));
        Assert.Equal((null, null), (auto.Hardware, auto.HardwareNote));
    }

    [Fact]
    public void Nvenc_plan_renders_constant_quality_tokens_with_no_device_or_upload()
    {
        var plan = Expected.Plan(Sources.Media(Sources.Video(1920, 1080)), Proven(HardwareChoice.Auto, HardwareBackend.Cuda), "web_optimized");

        string[] expected =
        [
            .. Expected.Head("[0:0]scale=1280:720,setsar=1,format=yuv420p[v0]"),
            .. WebAudio,
            "-c:v", "h264_nvenc", "-preset", "p5", "-rc", "vbr", "-cq", "28", "-b:v", "0", "-profile:v", "high", "-pix_fmt", "yuv420p",
            .. Expected.Aac(96),
            .. Expected.Tail("web_optimized"),
        ];
        Assert.Equal(expected, Expected.Tokens(plan.Fused));
        Assert.Equal("h264_nvenc", plan.Hardware?.Encoder);
    }

    [Fact]
    public void Vaapi_plan_opens_the_render_node_and_uploads_nv12_frames()
    {
        var plan = Expected.Plan(Sources.Media(Sources.Video(1920, 1080)), Proven(HardwareChoice.Vaapi, HardwareBackend.Vaapi), "web_optimized");

        string[] expected =
        [
            "-hide_banner", "-y", "-progress", "pipe:1", "-nostats",
            "-init_hw_device", "vaapi=va:/dev/dri/renderD128", "-filter_hw_device", "va",
            "-i", "file:" + Sources.InputPath,
            "-filter_complex", "[0:0]scale=1280:720,setsar=1,format=yuv420p,format=nv12,hwupload[v0]",
            .. WebAudio,
            "-c:v", "h264_vaapi", "-rc_mode", "CQP", "-qp", "28", "-compression_level", "4", "-profile:v", "high",
            .. Expected.Aac(96),
            .. Expected.Tail("web_optimized"),
        ];
        Assert.Equal(expected, Expected.Tokens(plan.Fused));
        Assert.Equal("h264_vaapi", plan.Hardware?.Encoder);
    }

    [Fact]
    public void Qsv_plan_opens_a_qsv_device_and_uploads_to_qsv_surfaces()
    {
        var plan = Expected.Plan(Sources.Media(Sources.Video(1920, 1080)), Proven(HardwareChoice.Qsv, HardwareBackend.Qsv), "web_optimized");

        string[] expected =
        [
            "-hide_banner", "-y", "-progress", "pipe:1", "-nostats",
            "-init_hw_device", "qsv=hw", "-filter_hw_device", "hw",
            "-i", "file:" + Sources.InputPath,
            "-filter_complex", "[0:0]scale=1280:720,setsar=1,format=yuv420p,format=nv12,hwupload=extra_hw_frames=64,format=qsv[v0]",
            .. WebAudio,
            "-c:v", "h264_qsv", "-preset", "medium", "-global_quality", "28", "-profile:v", "high",
            .. Expected.Aac(96),
            .. Expected.Tail("web_optimized"),
        ];
        Assert.Equal(expected, Expected.Tokens(plan.Fused));
    }

    public static TheoryData<HardwareBackend, VideoEncoding> CappedYoutube => new()
    {
        { HardwareBackend.Cuda, new VideoEncoding("h264_nvenc") { Preset = "p6", RateControl = new VideoRateControl.NvencConstantQuality(18), Profile = "high", PixelFormat = "yuv420p", MaxRateKbps = 8000 } },
        { HardwareBackend.Vaapi, new VideoEncoding("h264_vaapi") { RateControl = new VideoRateControl.VaapiQualityVbr(18, 8000), CompressionLevel = 2, Profile = "high", MaxRateKbps = 8000 } },
        { HardwareBackend.Qsv, new VideoEncoding("h264_qsv") { Preset = "slow", RateControl = new VideoRateControl.QsvGlobalQuality(18), Profile = "high", MaxRateKbps = 8000 } },
    };

    [Theory]
    [MemberData(nameof(CappedYoutube))]
    public void A_capped_preset_keeps_its_cap_and_maps_the_x264_speed_on_each_backend(HardwareBackend backend, VideoEncoding expected)
    {
        var youtube = Expected.Preset("youtube");

        var encoding = Encoders.Video(youtube, PlanOptions.Default, backend);

        Assert.Equal(expected, encoding);
    }

    [Fact]
    public void Vaapi_capped_encode_renders_qvbr_at_the_cap()
    {
        var encoding = Encoders.Video(Expected.Preset("youtube"), PlanOptions.Default, HardwareBackend.Vaapi);
        var output = new FfmpegOutput("/o.mp4", [], encoding, null);

        var tokens = FfmpegCommandRenderer.Render(new FfmpegCommand([], null, [output]) { ReportsProgress = false });

        string[] expected =
        [
            "-hide_banner", "-y", "-c:v", "h264_vaapi", "-rc_mode", "QVBR", "-global_quality", "18", "-b:v", "8000k", "-compression_level", "2",
            "-profile:v", "high", "-maxrate", "8000k", "-bufsize", "16000k", "-an", "file:/o.mp4",
        ];
        Assert.Equal(expected, tokens);
    }

    [Theory]
    [InlineData("ultrafast", "p1", "veryfast", 7)]
    [InlineData("superfast", "p1", "veryfast", 7)]
    [InlineData("veryfast", "p2", "veryfast", 6)]
    [InlineData("faster", "p3", "faster", 5)]
    [InlineData("fast", "p4", "fast", 5)]
    [InlineData("medium", "p5", "medium", 4)]
    [InlineData("slow", "p6", "slow", 2)]
    [InlineData("slower", "p7", "slower", 1)]
    [InlineData("veryslow", "p7", "veryslow", 1)]
    public void The_x264_speed_maps_to_each_backends_preset(string x264, string nvenc, string qsv, int vaapiLevel)
    {
        var preset = Expected.Preset("web_optimized") with { X264Preset = x264 };

        var speeds = (Encoders.Video(preset, PlanOptions.Default, HardwareBackend.Cuda).Preset,
            Encoders.Video(preset, PlanOptions.Default, HardwareBackend.Qsv).Preset,
            Encoders.Video(preset, PlanOptions.Default, HardwareBackend.Vaapi).CompressionLevel);

        Assert.Equal((nvenc, qsv, (int?)vaapiLevel), speeds);
    }

    [Fact]
    public void A_hardware_plan_keeps_the_cpu_plan_for_its_fallback()
    {
        var source = Sources.Media(Sources.Video(1920, 1080));
        var cpu = Expected.Plan(source, PlanOptions.Default with { Hardware = HardwareChoice.None }, "web_optimized", "mobile_optimized");

        var plan = Expected.Plan(source, Proven(HardwareChoice.Auto, HardwareBackend.Cuda), "web_optimized", "mobile_optimized");

        var fallback = plan.Hardware!.CpuPlan;
        Assert.Equal(Expected.Tokens(cpu.Fused), Expected.Tokens(fallback.Fused));
        Assert.Equal(cpu.Separate.Select(Expected.Tokens), fallback.Separate.Select(Expected.Tokens));
        Assert.Null(fallback.Hardware);
        Assert.NotEqual(Expected.Tokens(cpu.Fused), Expected.Tokens(plan.Fused));
    }

    [Fact]
    public void Auto_prefers_nvenc_then_qsv_then_vaapi_among_the_proven()
    {
        var source = Sources.Media(Sources.Video(1280, 720));

        var encoders = new[]
        {
            Expected.Plan(source, Proven(HardwareChoice.Auto, HardwareBackend.Vaapi, HardwareBackend.Cuda, HardwareBackend.Qsv), "web_optimized"),
            Expected.Plan(source, Proven(HardwareChoice.Auto, HardwareBackend.Vaapi, HardwareBackend.Qsv), "web_optimized"),
            Expected.Plan(source, Proven(HardwareChoice.Auto, HardwareBackend.Vaapi), "web_optimized"),
        }.Select(plan => plan.Hardware?.Encoder);

        Assert.Equal(["h264_nvenc", "h264_qsv", "h264_vaapi"], encoders);
    }

    [Fact]
    public void A_named_backend_is_used_even_when_auto_would_prefer_another()
    {
        var plan = Expected.Plan(Sources.Media(Sources.Video(1280, 720)), Proven(HardwareChoice.Vaapi, HardwareBackend.Cuda, HardwareBackend.Vaapi), "web_optimized");

        Assert.Equal("h264_vaapi", plan.Hardware?.Encoder);
    }

    [Fact]
    public void A_named_backend_that_is_not_proven_plans_the_cpu_and_says_why()
    {
        var source = Sources.Media(Sources.Video(1920, 1080));
        var cpu = Expected.Plan(source, PlanOptions.Default with { Hardware = HardwareChoice.None }, "web_optimized");

        var plan = Expected.Plan(source, Proven(HardwareChoice.Cuda, HardwareBackend.Vaapi), "web_optimized");

        Assert.Equal(Expected.Tokens(cpu.Fused), Expected.Tokens(plan.Fused));
        Assert.Null(plan.Hardware);
        Assert.Equal("--hwaccel cuda: h264_nvenc is not proven on this machine (trial failed); encoded on the CPU with libx264.", plan.HardwareNote);
    }

    [Fact]
    public void None_plans_the_cpu_even_with_a_proven_backend()
    {
        var plan = Expected.Plan(Sources.Media(Sources.Video(1280, 720)), Proven(HardwareChoice.None, HardwareBackend.Cuda), "web_optimized");

        Assert.Equal(("libx264", (HardwareFallback?)null, (string?)null), (plan.Fused.Outputs[0].Video!.Codec, plan.Hardware, plan.HardwareNote));
    }
}
