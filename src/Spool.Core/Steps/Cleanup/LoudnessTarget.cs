using System.Globalization;

namespace Spool.Core.Steps.Cleanup;

/// <summary>
/// What loudness normalisation aims at: integrated loudness (LUFS), the true-peak ceiling (dBTP) and the loudness
/// range (LU). The defaults (−16 LUFS, −1.5 dBTP, 11 LU) are the usual targets for web and mobile playback; broadcast
/// (EBU R128) is −23. The limits are the ranges ffmpeg 5.1's loudnorm accepts; a value outside them would fail the
/// encode, so they are checked when the flags are read.
/// </summary>
public sealed record LoudnessTarget(double IntegratedLufs = -16, double TruePeakDb = -1.5, double LoudnessRange = 11)
{
    public const double MinIntegrated = -70;
    public const double MaxIntegrated = -5;
    public const double MinTruePeak = -9;
    public const double MaxTruePeak = 0;
    public const double MinRange = 1;
    public const double MaxRange = 50;

    public static LoudnessTarget Default { get; } = new();

    /// <summary>The first problem with this target as a message naming its flag, or null when loudnorm accepts it.</summary>
    public string? Problem() =>
        IntegratedProblem(IntegratedLufs) ?? TruePeakProblem(TruePeakDb) ?? RangeProblem(LoudnessRange);

    public static string? IntegratedProblem(double lufs) => Outside("--loudness", lufs, MinIntegrated, MaxIntegrated, "LUFS");

    public static string? TruePeakProblem(double db) => Outside("--true-peak", db, MinTruePeak, MaxTruePeak, "dBTP");

    public static string? RangeProblem(double lu) => Outside("--lra", lu, MinRange, MaxRange, "LU");

    private static string? Outside(string flag, double value, double min, double max, string unit) =>
        double.IsFinite(value) && value >= min && value <= max
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{flag} must be from {min} to {max} {unit}; got {value}.");
}
