namespace Spool.Core.Quality.Checks;

/// <summary>The verdict on one output: passed when every check passed.</summary>
public sealed record QcReport(bool Passed, IReadOnlyList<QcCheck> Checks)
{
    public static QcReport Of(IReadOnlyList<QcCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        return new QcReport(checks.All(check => check.Passed), checks);
    }

    /// <summary>The check of that name (see <see cref="QcCheckNames"/>), or null when it was not run.</summary>
    public QcCheck? Find(string name) => Checks.FirstOrDefault(check => string.Equals(check.Name, name, StringComparison.Ordinal));
}

/// <summary>
/// One named check. <see cref="Value"/> is what was measured (null when it could not be or does not apply);
/// <see cref="Threshold"/> the bar it was held to (null when none); <see cref="Detail"/> says why, in words.
/// </summary>
public sealed record QcCheck(string Name, bool Passed, double? Value, double? Threshold, string? Detail);

/// <summary>The check names of the issue and of the JSON report.</summary>
public static class QcCheckNames
{
    public const string Integrity = "integrity";
    public const string Duration = "duration";
    public const string Resolution = "resolution";
    public const string AudioPeak = "audio_peak";
    public const string Loudness = "loudness";
    public const string Ssim = "ssim";
    public const string Psnr = "psnr";
    public const string Vmaf = "vmaf";
    public const string CompressionRatio = "compression_ratio";
}
