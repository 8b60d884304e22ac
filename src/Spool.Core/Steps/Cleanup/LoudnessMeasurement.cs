namespace Spool.Core.Steps.Cleanup;

/// <summary>
/// What loudnorm's analysis pass measured (its JSON block): integrated loudness (LUFS), true peak (dBTP), loudness
/// range (LU), the gating threshold (LUFS) and the offset it would still have applied. Digital silence measures
/// −∞, which is kept as <see cref="double.NegativeInfinity"/>. <see cref="NormalizationType"/> is "linear" or
/// "dynamic" when the block says (a second pass's does).
/// </summary>
public sealed record LoudnessMeasurement(
    double InputIntegrated,
    double InputTruePeak,
    double InputRange,
    double InputThreshold,
    double TargetOffset)
{
    public string? NormalizationType { get; init; }

    /// <summary>Silence (or near it) has no loudness to normalise: loudnorm's gate found nothing to measure.</summary>
    public bool IsSilent => !double.IsFinite(InputIntegrated) || !double.IsFinite(InputThreshold) || InputIntegrated <= -70;
}
