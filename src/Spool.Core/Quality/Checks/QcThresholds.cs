using Spool.Core.Presets;

namespace Spool.Core.Quality.Checks;

/// <summary>
/// The bars an output is held to. A null bar is not enforced: the value is still measured and reported.
/// <see cref="Default"/> is what "spool qc" uses; batches take <see cref="ForPreset"/>.
/// </summary>
public sealed record QcThresholds
{
    /// <summary>Lowest ssim "All" over the sampled frames.</summary>
    public double? MinSsim { get; init; } = 0.90;

    /// <summary>Lowest psnr average, in dB (full mode).</summary>
    public double? MinPsnr { get; init; }

    /// <summary>Largest |output - reference| duration, in seconds: the seeds' ±0.1 s.</summary>
    public double MaxDurationDeltaSeconds { get; init; } = 0.1;

    /// <summary>The display size the output must have; null skips the resolution check.</summary>
    public (int Width, int Height)? ExpectResolution { get; init; }

    /// <summary>Highest volumedetect max_volume, in dBFS. Decoded audio that reaches 0.0 dBFS has clipped.</summary>
    public double? MaxPeakDb { get; init; } = -0.1;

    /// <summary>Largest output/reference size ratio (full mode).</summary>
    public double? MaxCompressionRatio { get; init; } = 1.5;

    /// <summary>Lowest VMAF score, when the local ffmpeg has libvmaf (full mode).</summary>
    public double? MinVmaf { get; init; }

    public static QcThresholds Default { get; } = new();

    /// <summary>
    /// Bars for a preset's outputs. SSIM and PSNR are measured on the half-size, slightly blurred pair (see
    /// <see cref="QcPasses"/>), where grain and film noise no longer count, and the bars are calibrated to separate a
    /// broken encode from a preset's normal loss on hard content: bench/qc-calibration.sh measures correct encodes of
    /// grain, film noise, fast motion, stabilised, colour-corrected and canvas outputs against wrong-picture,
    /// truncated and CRF 51 ones (the table is in README.md). The bars follow the CRF, and are lower when the preset
    /// may shrink the picture. CRF 18 and ultrafast presets may legitimately grow a small, heavily compressed source,
    /// so only a blow-up fails them. Canvas presets expect their canvas size. Pass the concrete preset of a source
    /// (<see cref="AutoPreset.ForSource"/>); an unresolved "auto" gets the bars of its loosest choice (CRF 28, shrinking).
    /// </summary>
    public static QcThresholds ForPreset(Preset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        var crf = preset.IsSourceAdaptive ? 28 : preset.Crf;
        var shrinks = preset.IsSourceAdaptive || preset.Size is not SizeRule.Keep;
        var (ssim, psnr) = crf switch
        {
            <= 18 => (0.97, 33.0),
            <= 23 => (0.95, 30.0),
            _ => (0.88, 27.0),
        };
        var fastest = preset.X264Preset is "ultrafast" or "superfast";
        return new QcThresholds
        {
            MinSsim = shrinks ? Math.Round(ssim - 0.03, 2) : ssim,
            MinPsnr = shrinks ? psnr - 3 : psnr,
            ExpectResolution = preset.Size is SizeRule.Canvas canvas ? (canvas.Width, canvas.Height) : null,
            MaxCompressionRatio = crf <= 18 || fastest ? 4.0 : 1.5,
        };
    }

    /// <summary>
    /// Bars for quick QC in a batch, which judges the picture by libx264's own SSIM: every frame, full size, against
    /// the picture the encoder was fed. There grain and film noise count in full (a correct CRF 28 encode of heavy
    /// grain reads 0.59, at CRF 32 0.37), so the bars are far lower than <see cref="ForPreset"/>'s and follow the CRF
    /// (shrinking does not lower the encoder's SSIM; a bitrate cap counts as five CRF steps); calibrated with bench/qc-calibration.sh so that correct
    /// encodes of grain, film noise and fast motion pass and a CRF 51 encode of grain (0.27) fails (README.md's table).
    /// A flat picture keeps a high SSIM even at CRF 51 (0.83 for testsrc2): this measure cannot call it blocky;
    /// --qc full or --min-ssim can. PSNR is reported, not judged (it separates nothing SSIM does not). The other bars
    /// are <see cref="ForPreset"/>'s.
    /// </summary>
    public static QcThresholds ForEncoder(Preset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        // A bitrate cap may hold hard content (grain at 1080p) above the CRF's quality: five CRF steps looser.
        var crf = (preset.IsSourceAdaptive ? 28 : preset.Crf) + (preset.MaxBitrateKbps is null ? 0 : 5);
        return ForPreset(preset) with
        {
            MinSsim = crf switch
            {
                <= 18 => 0.85,
                <= 23 => 0.70,
                <= 28 => 0.45,
                _ => 0.32,
            },
            MinPsnr = null,
        };
    }
}
