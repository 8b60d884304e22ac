using Spool.Core.Presets;
using Spool.Core.Quality.Checks;

namespace Spool.Core.Tests.Quality.Checks;

/// <summary>
/// The SSIM bars quick QC holds libx264's own SSIM to (README.md's calibration table): they follow the CRF, a bitrate
/// cap counts as five CRF steps looser, and PSNR is reported, not judged.
/// </summary>
public sealed class QcEncoderThresholdsTests
{
    [Theory]
    [InlineData("high_quality", 0.85)]
    [InlineData("archival", 0.85)]
    [InlineData("youtube", 0.70)]
    [InlineData("twitter", 0.70)]
    [InlineData("tiktok", 0.45)]
    [InlineData("web_optimized", 0.45)]
    [InlineData("fast_draft", 0.45)]
    [InlineData("auto", 0.45)]
    [InlineData("mobile_optimized", 0.32)]
    public void Each_built_in_preset_gets_the_bar_of_its_crf(string preset, double bar)
    {
        var thresholds = QcThresholds.ForEncoder(PresetCatalog.BuiltIn.Find(preset)!);

        Assert.Equal((bar, (double?)null), (thresholds.MinSsim!.Value, thresholds.MinPsnr));
    }

    [Fact]
    public void A_crf51_user_preset_gets_the_loosest_bar_and_keeps_the_other_bars_of_its_preset()
    {
        var blocky = PresetCatalog.BuiltIn.Find("web_optimized")! with { Name = "blocky", Crf = 51 };

        Assert.Equal(QcThresholds.ForPreset(blocky) with { MinSsim = 0.32, MinPsnr = null }, QcThresholds.ForEncoder(blocky));
    }
}
