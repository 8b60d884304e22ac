using Spool.Core.Quality.Checks;

namespace Spool.Core.Quality;

/// <summary>
/// What the post-encode checks found on one output: the structural check against its plan (size, rotation, audio,
/// duration) and, unless QC is off, the QC checks (integrity, SSIM...). <see cref="Problems"/> is empty when it passed.
/// </summary>
public sealed record OutputCheck(
    bool Passed,
    int? Width,
    int? Height,
    double? DurationSeconds,
    double? DurationDeltaSeconds,
    bool HasAudio,
    int Rotation,
    IReadOnlyList<string> Problems)
{
    /// <summary>The QC checks, by name; empty when QC was off.</summary>
    public IReadOnlyList<QcCheck> Checks { get; init; } = [];

    public double? Ssim => Checks.FirstOrDefault(check => check.Name == QcCheckNames.Ssim)?.Value;

    public double? Psnr => Checks.FirstOrDefault(check => check.Name == QcCheckNames.Psnr)?.Value;

    /// <summary>QC failed but the policy is warn: the output was kept.</summary>
    public bool Warned { get; init; }
}
