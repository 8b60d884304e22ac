using Spool.Core.Planning;

namespace Spool.Core.Tests.Planning;

/// <summary>
/// With <see cref="PlanOptions.EncoderQc"/> (quick QC in a batch) the encode itself measures what QC needs: libx264
/// its SSIM and PSNR, a volumedetect on the audio the encoders are fed its peak.
/// </summary>
public sealed class WorkPlannerEncoderQcTests
{
    private static readonly PlanOptions Measured = PlanOptions.Default with { EncoderQc = true };

    [Fact]
    public void A_single_output_asks_x264_for_ssim_and_psnr_and_meters_its_audio()
    {
        var plan = Expected.Plan(Sources.Media(Sources.Video(1280, 720)), Measured, "web_optimized");

        string[] expected =
        [
            .. Expected.Head("[0:0]scale=1280:720,setsar=1,format=yuv420p[v0];[0:1]volumedetect[a0]"),
            "-map", "[v0]", "-map", "[a0]",
            .. Expected.X264("medium", 28), "-x264-params", "ssim=1:psnr=1",
            .. Expected.Aac(96),
            .. Expected.Tail("web_optimized"),
        ];
        Assert.Equal(expected, Expected.Tokens(plan.Fused));
        Assert.Equal(expected, Expected.Tokens(plan.Separate[0]));
    }

    [Fact]
    public void A_fused_command_meters_the_audio_once_after_the_adjustments_and_before_the_asplit()
    {
        var options = Measured with { Adjustments = new EncodeAdjustments { AudioFilters = ["aresample=48000"] } };

        var plan = Expected.Plan(Sources.Media(Sources.Video(1920, 1080)), options, "web_optimized", "mobile_optimized");

        string[] expected =
        [
            .. Expected.Head(
                "[0:0]split=2[s0][s1];"
                + "[s0]scale=1280:720,setsar=1,format=yuv420p[v0];"
                + "[s1]scale=854:480,setsar=1,format=yuv420p[v1];"
                + "[0:1]aresample=48000,volumedetect,asplit=2[a0][a1]"),
            "-map", "[v0]", "-map", "[a0]",
            .. Expected.X264("medium", 28), "-x264-params", "ssim=1:psnr=1",
            .. Expected.Aac(96),
            .. Expected.Tail("web_optimized"),
            "-map", "[v1]", "-map", "[a1]",
            .. Expected.X264("medium", 32), "-x264-params", "ssim=1:psnr=1",
            .. Expected.Aac(64),
            .. Expected.Tail("mobile_optimized"),
        ];
        Assert.Equal(expected, Expected.Tokens(plan.Fused));
    }

    [Fact]
    public void A_source_without_audio_gets_the_x264_stats_and_no_meter()
    {
        var plan = Expected.Plan(Sources.Media(Sources.Video(1280, 720), null), Measured, "web_optimized");

        string[] expected =
        [
            .. Expected.Head("[0:0]scale=1280:720,setsar=1,format=yuv420p[v0]"),
            "-map", "[v0]",
            .. Expected.X264("medium", 28), "-x264-params", "ssim=1:psnr=1",
            "-an",
            .. Expected.Tail("web_optimized"),
        ];
        Assert.Equal(expected, Expected.Tokens(plan.Fused));
    }

    [Fact]
    public void Without_encoder_qc_the_command_is_unchanged()
    {
        var tokens = Expected.Tokens(Expected.Plan(Sources.Media(Sources.Video(1280, 720)), "web_optimized").Fused);

        Assert.DoesNotContain("-x264-params", tokens);
        Assert.DoesNotContain(tokens, token => token.Contains("volumedetect", StringComparison.Ordinal));
    }
}
