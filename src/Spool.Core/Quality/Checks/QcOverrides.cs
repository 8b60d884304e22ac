namespace Spool.Core.Quality.Checks;

/// <summary>
/// The bars a user set for a batch (<c>process --min-ssim …</c>, the API's <c>min_ssim</c> …), laid over each preset's
/// own (<see cref="QcThresholds.ForPreset"/>): a null bar keeps the preset's.
/// </summary>
public sealed record QcOverrides
{
    public static QcOverrides None { get; } = new();

    public double? MinSsim { get; init; }

    public double? MinPsnr { get; init; }

    public double? MaxDurationDeltaSeconds { get; init; }

    public double? MaxPeakDb { get; init; }

    public double? MaxCompressionRatio { get; init; }

    public QcThresholds Apply(QcThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return thresholds with
        {
            MinSsim = MinSsim ?? thresholds.MinSsim,
            MinPsnr = MinPsnr ?? thresholds.MinPsnr,
            MaxDurationDeltaSeconds = MaxDurationDeltaSeconds ?? thresholds.MaxDurationDeltaSeconds,
            MaxPeakDb = MaxPeakDb ?? thresholds.MaxPeakDb,
            MaxCompressionRatio = MaxCompressionRatio ?? thresholds.MaxCompressionRatio,
        };
    }
}
