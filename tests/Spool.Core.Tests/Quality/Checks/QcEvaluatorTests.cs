using Spool.Core.Presets;
using Spool.Core.Quality.Checks;

namespace Spool.Core.Tests.Quality.Checks;

public sealed class QcEvaluatorTests
{
    private static readonly QcMeasurements Good = new()
    {
        OutputDurationSeconds = 2.021,
        ReferenceDurationSeconds = 2.0,
        OutputSize = (1280, 720),
        OutputBytes = 373_748,
        ReferenceBytes = 4_986_111,
        OutputHasAudio = true,
        PeakDb = -14.6,
        IntegratedLufs = -21.8,
        TruePeakDbtp = -14.6,
        Ssim = 0.969234,
        Psnr = 35.364154,
    };

    [Fact]
    public void A_good_encode_passes_every_full_check_with_exact_values()
    {
        var report = QcEvaluator.Evaluate(Good, QcThresholds.Default, QcMode.Full);
        Assert.True(report.Passed);
        Assert.Equal(
            [
                new QcCheck("integrity", true, 0, 0, null),
                new QcCheck("duration", true, 0.021, 0.1, "output 2.021 s, reference 2 s"),
                new QcCheck("audio_peak", true, -14.6, -0.1, null),
                new QcCheck("loudness", true, -21.8, null, "integrated -21.8 LUFS, true peak -14.6 dBTP"),
                new QcCheck("ssim", true, 0.969234, 0.90, null),
                new QcCheck("psnr", true, 35.364154, null, null),
                new QcCheck("compression_ratio", true, 0.075, 1.5, "373748 of 4986111 bytes"),
            ],
            report.Checks);
    }

    [Fact]
    public void Quick_mode_reports_only_integrity_duration_audio_peak_and_ssim()
    {
        var report = QcEvaluator.Evaluate(Good, QcThresholds.Default, QcMode.Quick);
        Assert.Equal(["integrity", "duration", "audio_peak", "ssim"], report.Checks.Select(c => c.Name));
    }

    [Fact]
    public void Resolution_is_checked_only_when_expected()
    {
        var report = QcEvaluator.Evaluate(Good, QcThresholds.Default with { ExpectResolution = (1920, 1080) }, QcMode.Quick);
        Assert.False(report.Passed);
        Assert.Equal(new QcCheck("resolution", false, null, null, "1280x720, expected 1920x1080"), report.Find("resolution"));
        Assert.Equal(["resolution"], report.Checks.Where(c => !c.Passed).Select(c => c.Name));
    }

    [Fact]
    public void Half_duration_fails_duration_only()
    {
        var report = QcEvaluator.Evaluate(Good with { OutputDurationSeconds = 1.0 }, QcThresholds.Default, QcMode.Full);
        Assert.Equal(new QcCheck("duration", false, 1.0, 0.1, "output 1 s, reference 2 s"), report.Find("duration"));
        Assert.Equal(["duration"], report.Checks.Where(c => !c.Passed).Select(c => c.Name));
    }

    [Fact]
    public void Decode_errors_fail_integrity_with_the_first_error()
    {
        var measured = Good with { DecodeErrors = ["near 0.55 s: [aac] Reserved bit set."], DecodeErrorCount = 28 };
        var check = QcEvaluator.Evaluate(measured, QcThresholds.Default, QcMode.Quick).Find("integrity");
        Assert.Equal(new QcCheck("integrity", false, 28, 0, "28 decode error(s); first: near 0.55 s: [aac] Reserved bit set."), check);
    }

    [Fact]
    public void Clipped_audio_fails_audio_peak()
    {
        var check = QcEvaluator.Evaluate(Good with { PeakDb = 0.0 }, QcThresholds.Default with { MaxPeakDb = -1 }, QcMode.Quick).Find("audio_peak");
        Assert.Equal(new QcCheck("audio_peak", false, 0.0, -1, "peak 0.0 dBFS is above -1.0 dBFS (clipping)"), check);
    }

    [Fact]
    public void Loudness_fails_only_above_two_dbtp_true_peak()
    {
        Assert.True(QcEvaluator.Evaluate(Good with { TruePeakDbtp = 1.9 }, QcThresholds.Default, QcMode.Full).Find("loudness")!.Passed);
        var broken = QcEvaluator.Evaluate(Good with { TruePeakDbtp = 5.3, IntegratedLufs = -3.2 }, QcThresholds.Default, QcMode.Full).Find("loudness");
        Assert.Equal(new QcCheck("loudness", false, -3.2, null, "integrated -3.2 LUFS, true peak 5.3 dBTP: above 2.0 dBTP"), broken);
    }

    [Fact]
    public void No_audio_passes_audio_checks_with_null_values()
    {
        var report = QcEvaluator.Evaluate(Good with { OutputHasAudio = false, PeakDb = null, IntegratedLufs = null, TruePeakDbtp = null }, QcThresholds.Default, QcMode.Full);
        Assert.Equal(new QcCheck("audio_peak", true, null, -0.1, "no audio"), report.Find("audio_peak"));
        Assert.Equal(new QcCheck("loudness", true, null, null, "no audio"), report.Find("loudness"));
        Assert.True(report.Passed);
    }

    [Fact]
    public void Low_ssim_fails_ssim_against_its_bar()
    {
        var check = QcEvaluator.Evaluate(Good with { Ssim = 0.948111 }, QcThresholds.Default with { MinSsim = 0.96 }, QcMode.Quick).Find("ssim");
        Assert.Equal(new QcCheck("ssim", false, 0.948111, 0.96, "0.9481 is below 0.96"), check);
    }

    [Fact]
    public void A_comparison_that_gave_no_value_fails_ssim()
    {
        var measured = Good with { Ssim = null, ComparisonError = "the comparison pass failed: ffmpeg exited with 1: x" };
        Assert.Equal(
            new QcCheck("ssim", false, null, 0.90, "the comparison pass failed: ffmpeg exited with 1: x"),
            QcEvaluator.Evaluate(measured, QcThresholds.Default, QcMode.Quick).Find("ssim"));
    }

    [Fact]
    public void Vmaf_is_reported_only_when_measured()
    {
        Assert.Null(QcEvaluator.Evaluate(Good, QcThresholds.Default, QcMode.Full).Find("vmaf"));
        var check = QcEvaluator.Evaluate(Good with { Vmaf = 81.5 }, QcThresholds.Default with { MinVmaf = 90 }, QcMode.Full).Find("vmaf");
        Assert.Equal(new QcCheck("vmaf", false, 81.5, 90, "81.5 is below 90"), check);
    }

    [Fact]
    public void A_blown_up_output_fails_compression_ratio()
    {
        var check = QcEvaluator.Evaluate(Good with { OutputBytes = 8_000_000, ReferenceBytes = 4_000_000 }, QcThresholds.Default, QcMode.Full).Find("compression_ratio");
        Assert.Equal(new QcCheck("compression_ratio", false, 2.0, 1.5, "8000000 of 4000000 bytes"), check);
    }

    [Theory]
    [InlineData("high_quality", 0.97, 33.0, 4.0)]
    [InlineData("archival", 0.97, 33.0, 4.0)]
    [InlineData("youtube", 0.94, 30.0, 4.0)]
    [InlineData("twitter", 0.92, 27.0, 1.5)]
    [InlineData("social_media", 0.92, 27.0, 1.5)]
    [InlineData("web_optimized", 0.85, 24.0, 1.5)]
    [InlineData("mobile_optimized", 0.85, 24.0, 1.5)]
    [InlineData("fast_draft", 0.85, 24.0, 4.0)]
    [InlineData("auto", 0.85, 24.0, 1.5)]
    public void Preset_bars_follow_crf_and_size(string name, double ssim, double psnr, double ratio)
    {
        var thresholds = QcThresholds.ForPreset(BuiltInPresets.All.Single(p => p.Name == name));
        Assert.Equal((ssim, psnr, ratio, 0.1, -0.1), (thresholds.MinSsim, thresholds.MinPsnr, thresholds.MaxCompressionRatio, thresholds.MaxDurationDeltaSeconds, thresholds.MaxPeakDb));
    }

    [Fact]
    public void Canvas_presets_expect_their_canvas()
    {
        Assert.Equal((1080, 1920), QcThresholds.ForPreset(BuiltInPresets.All.Single(p => p.Name == "tiktok")).ExpectResolution);
        Assert.Null(QcThresholds.ForPreset(BuiltInPresets.All.Single(p => p.Name == "web_optimized")).ExpectResolution);
    }
}
