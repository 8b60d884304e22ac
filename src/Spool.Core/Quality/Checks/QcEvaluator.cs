using System.Globalization;

namespace Spool.Core.Quality.Checks;

/// <summary>
/// Pure verdicts on what QC measured. Quick mode reports integrity, duration, resolution (when expected), audio_peak
/// and ssim; full mode adds psnr, loudness, vmaf (when measured) and compression_ratio. A check that does not apply
/// to this file (no audio stream) passes with a null value and says why in its detail; a
/// measurement that should have been made and was not fails.
/// </summary>
public static class QcEvaluator
{
    /// <summary>
    /// loudness is measured and reported, not held to a target (a film and a podcast differ); it fails only when the
    /// true peak is clearly broken: above +2 dBTP, more than AAC's normal overshoot of a full-scale master explains.
    /// </summary>
    public const double MaxTruePeakDbtp = 2.0;

    public const string NoAudio = "no audio";

    /// <summary>The detail of a picture check whose value is libx264's own (<see cref="PictureMethod.Encoder"/>).</summary>
    public const string EncoderMeasured = "measured by libx264 on every frame it encoded, at full size";

    public const string CopiedAudio = "the source's audio, copied unchanged: not measured";

    public static QcReport Evaluate(QcMeasurements measured, QcThresholds thresholds, QcMode mode)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(thresholds);
        var full = mode == QcMode.Full;
        var checks = new List<QcCheck> { Integrity(measured), Duration(measured, thresholds) };
        if (thresholds.ExpectResolution is { } expected)
        {
            checks.Add(Resolution(measured, expected));
        }

        checks.Add(AudioPeak(measured, thresholds));
        if (full)
        {
            checks.Add(Loudness(measured));
        }

        checks.Add(Picture(QcCheckNames.Ssim, measured.Ssim, thresholds.MinSsim, measured));
        if (!full && measured.Method == PictureMethod.Encoder)
        {
            // The encoder measured PSNR at no cost: quick QC reports it (judged only against a bar the user set).
            checks.Add(Picture(QcCheckNames.Psnr, measured.Psnr, thresholds.MinPsnr, measured));
        }

        if (full)
        {
            checks.Add(Picture(QcCheckNames.Psnr, measured.Psnr, thresholds.MinPsnr, measured));
            if (measured.Vmaf is not null)
            {
                checks.Add(Picture(QcCheckNames.Vmaf, measured.Vmaf, thresholds.MinVmaf, measured));
            }

            checks.Add(CompressionRatio(measured, thresholds));
        }

        return QcReport.Of(checks);
    }

    private static QcCheck Integrity(QcMeasurements m) => m.DecodeErrorCount == 0
        ? new QcCheck(QcCheckNames.Integrity, true, 0, 0, null)
        : new QcCheck(QcCheckNames.Integrity, false, m.DecodeErrorCount, 0, Invariant(
            $"{m.DecodeErrorCount} decode error(s); first: {(m.DecodeErrors.Count > 0 ? m.DecodeErrors[0] : "unknown")}"));

    private static QcCheck Duration(QcMeasurements m, QcThresholds t)
    {
        var max = t.MaxDurationDeltaSeconds;
        if (m.OutputDurationSeconds is not { } output)
        {
            return new QcCheck(QcCheckNames.Duration, false, null, max, "the output's duration is unknown");
        }

        if (m.ReferenceDurationSeconds is not { } reference)
        {
            return new QcCheck(QcCheckNames.Duration, true, null, max, "the reference's duration is unknown");
        }

        var delta = Math.Round(Math.Abs(output - reference), 3);
        return new QcCheck(QcCheckNames.Duration, delta <= max, delta, max, Invariant($"output {output:0.###} s, reference {reference:0.###} s"));
    }

    private static QcCheck Resolution(QcMeasurements m, (int Width, int Height) expected)
    {
        var detail = m.OutputSize is { } size
            ? Invariant($"{size.Width}x{size.Height}, expected {expected.Width}x{expected.Height}")
            : Invariant($"no video picture, expected {expected.Width}x{expected.Height}");
        return new QcCheck(QcCheckNames.Resolution, m.OutputSize == expected, null, null, detail);
    }

    private static QcCheck AudioPeak(QcMeasurements m, QcThresholds t)
    {
        if (!m.OutputHasAudio)
        {
            return new QcCheck(QcCheckNames.AudioPeak, true, null, t.MaxPeakDb, NoAudio);
        }

        if (m.PeakDb is not { } peak)
        {
            return m.AudioCopied
                ? new QcCheck(QcCheckNames.AudioPeak, true, null, t.MaxPeakDb, CopiedAudio)
                : new QcCheck(QcCheckNames.AudioPeak, false, null, t.MaxPeakDb, "the audio peak could not be measured");
        }

        var passed = t.MaxPeakDb is not { } max || peak <= max;
        return new QcCheck(QcCheckNames.AudioPeak, passed, peak, t.MaxPeakDb, passed ? null : Invariant($"peak {peak:0.0} dBFS is above {t.MaxPeakDb:0.0} dBFS (clipping)"));
    }

    private static QcCheck Loudness(QcMeasurements m)
    {
        if (!m.OutputHasAudio)
        {
            return new QcCheck(QcCheckNames.Loudness, true, null, null, NoAudio);
        }

        if (m.IntegratedLufs is not { } integrated)
        {
            return new QcCheck(QcCheckNames.Loudness, false, null, null, "the loudness could not be measured");
        }

        var truePeak = m.TruePeakDbtp;
        var passed = truePeak is not { } tp || tp <= MaxTruePeakDbtp;
        var detail = Invariant($"integrated {integrated:0.0} LUFS, true peak {(truePeak is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) : "unknown")} dBTP");
        return new QcCheck(QcCheckNames.Loudness, passed, integrated, null, passed ? detail : Invariant($"{detail}: above {MaxTruePeakDbtp:0.0} dBTP"));
    }

    private static QcCheck Picture(string name, double? value, double? min, QcMeasurements m)
    {
        var byEncoder = m.Method == PictureMethod.Encoder;
        if (value is not { } v)
        {
            // Unmeasured fails only where a bar was set: a check asked to report, not judge, cannot fail on nothing.
            var why = m.Method switch
            {
                PictureMethod.Encoder => $"libx264 reported no {name.ToUpperInvariant()} for this output",
                PictureMethod.Copy => QualityChecker.NotCompared,
                _ => m.ComparisonError ?? "not measured",
            };
            return new QcCheck(name, min is null, null, min, why);
        }

        var passed = min is not { } bar || v >= bar;
        var below = Invariant($"{v:0.####} is below {min:0.####}");
        var detail = (passed, byEncoder) switch
        {
            (true, true) => EncoderMeasured,
            (true, false) => null,
            (false, true) => $"{below} ({EncoderMeasured})",
            (false, false) => below,
        };
        return new QcCheck(name, passed, v, min, detail);
    }

    private static QcCheck CompressionRatio(QcMeasurements m, QcThresholds t)
    {
        if (m.OutputBytes is not { } output || m.ReferenceBytes is not { } reference || reference <= 0)
        {
            return new QcCheck(QcCheckNames.CompressionRatio, true, null, t.MaxCompressionRatio, "sizes unknown");
        }

        var ratio = Math.Round((double)output / reference, 4);
        var passed = t.MaxCompressionRatio is not { } max || ratio <= max;
        return new QcCheck(QcCheckNames.CompressionRatio, passed, ratio, t.MaxCompressionRatio, Invariant($"{output} of {reference} bytes"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
