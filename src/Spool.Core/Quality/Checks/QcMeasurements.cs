namespace Spool.Core.Quality.Checks;

/// <summary>
/// What QC measured on one output and its reference (the source). Null means not measured: the mode skipped it,
/// the file has no such stream, or ffmpeg printed no value.
/// </summary>
public sealed record QcMeasurements
{
    /// <summary>The first decode error lines (with "at ~T s" when ffmpeg's progress gave a position); see <see cref="DecodeErrorCount"/>.</summary>
    public IReadOnlyList<string> DecodeErrors { get; init; } = [];

    /// <summary>Every error-level line of the decode pass, and one more when ffmpeg could not finish it.</summary>
    public int DecodeErrorCount { get; init; }

    public double? OutputDurationSeconds { get; init; }

    public double? ReferenceDurationSeconds { get; init; }

    /// <summary>The output's display size (square pixels, rotation applied).</summary>
    public (int Width, int Height)? OutputSize { get; init; }

    public long? OutputBytes { get; init; }

    public long? ReferenceBytes { get; init; }

    public bool OutputHasAudio { get; init; }

    /// <summary>volumedetect's max_volume on the output's first audio stream, in dBFS (0.0 = full scale, clipped).</summary>
    public double? PeakDb { get; init; }

    /// <summary>ebur128's integrated loudness, in LUFS (full mode).</summary>
    public double? IntegratedLufs { get; init; }

    /// <summary>ebur128's true peak, in dBTP (full mode).</summary>
    public double? TruePeakDbtp { get; init; }

    /// <summary>The ssim filter's "All" over the sampled frames.</summary>
    public double? Ssim { get; init; }

    /// <summary>The psnr filter's "average" over the sampled frames, in dB (identical pictures read as 100).</summary>
    public double? Psnr { get; init; }

    public double? Vmaf { get; init; }

    /// <summary>
    /// How <see cref="Ssim"/> and <see cref="Psnr"/> were measured: QC's own comparison with the reference, or libx264's
    /// own measurement of what it encoded.
    /// </summary>
    public PictureMethod Method { get; init; } = PictureMethod.Comparison;

    /// <summary>The output's audio is the source's, copied unchanged: its peak is the source's and is not measured.</summary>
    public bool AudioCopied { get; init; }

    /// <summary>Why the picture comparison failed to give a value (ffmpeg failed); ssim then fails.</summary>
    public string? ComparisonError { get; init; }
}

/// <summary>Where QC's picture values come from.</summary>
public enum PictureMethod
{
    /// <summary>QC compared about 45 sampled frames of the output with the reference, at half size, lightly blurred.</summary>
    Comparison,

    /// <summary>
    /// libx264 measured every frame it encoded against the frame it was fed (after every filter, at full size), so
    /// grain lowers it and a wrong source or a wrong filter does not: full QC compares with the source itself.
    /// </summary>
    Encoder,

    /// <summary>The video stream is the source's, copied packet for packet: identical by construction, not measured.</summary>
    Copy,
}
