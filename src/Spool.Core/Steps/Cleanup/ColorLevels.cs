using System.Globalization;
using Spool.Media.Commands;
using Spool.Media.Probing;

namespace Spool.Core.Steps.Cleanup;

/// <summary>
/// "--color auto" (pure): measure the picture's levels, then stretch them to broadcast range with eq.
/// <para>The analysis pass reads the video through the encode's common filters (so an HDR source is measured after
/// tone-mapping), keeps about <see cref="TargetSamples"/> evenly spread frames (select every N-th), brings them to
/// 8-bit 4:2:0 (eq works in 8 bits, so that is what it will see) and prints signalstats for each.</para>
/// <para>The method: the black point is the median of the frames' darkest pixel and the white point the median of
/// their brightest, each clamped into broadcast range (16..235), so full-range extremes are never squeezed: the
/// correction only ever stretches. A picture whose black-to-white span already covers <see cref="WellExposedSpan"/>
/// of the 219 steps is left alone (no filter at all). Otherwise the span is stretched to fill 16..235, keeping the
/// black point at 16 (crushed or lifted blacks show first), with the gain capped at <see cref="MaxContrast"/> and the
/// shift at ±<see cref="MaxBrightness"/>, so a night scene is lifted gently rather than turned into day.</para>
/// </summary>
public static class ColorLevels
{
    public const int TargetSamples = 60;
    public const double BroadcastBlack = 16;
    public const double BroadcastWhite = 235;
    public const double WellExposedSpan = 0.8 * (BroadcastWhite - BroadcastBlack);
    public const double MaxContrast = 1.3;
    public const double MaxBrightness = 0.15;

    public static IReadOnlyList<string> AnalysisArguments(string sourcePath, VideoStreamInfo video, IReadOnlyList<Filter> common, double? durationSeconds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourcePath);
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(common);
        var step = SampleStep(video, durationSeconds);
        Filter[] filters =
        [
            .. common,
            new("select", FilterArg.Positional($"not(mod(n,{step.ToString(CultureInfo.InvariantCulture)}))")),
            new("format", FilterArg.Positional("yuv420p")),
            new("signalstats"),
            new("metadata", ("mode", "print")),
        ];
        return
        [
            "-hide_banner", "-nostdin", "-progress", "pipe:1", "-nostats",
            "-i", FfmpegCommandRenderer.FilePath(sourcePath),
            "-map", "0:" + video.Index.ToString(CultureInfo.InvariantCulture), "-an",
            "-vf", FilterText.Render(filters),
            "-f", "null", "-",
        ];
    }

    /// <summary>Every how-many-th frame is measured: about <see cref="TargetSamples"/> in all; every 25th when the length is unknown.</summary>
    public static int SampleStep(VideoStreamInfo video, double? durationSeconds)
    {
        ArgumentNullException.ThrowIfNull(video);
        var frames = video.FrameCount
            ?? (video.FrameRate is { IsValid: true } rate && durationSeconds is { } seconds ? (long)(seconds * rate.Value) : null);
        return frames is { } count ? (int)Math.Max(1, Math.Round((double)count / TargetSamples)) : 25;
    }

    /// <summary>The eq that stretches the measured levels (see the class), or null when the picture needs none.</summary>
    public static EqSettings? Correction(LumaStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var black = Math.Clamp(stats.Black, BroadcastBlack, BroadcastWhite);
        var white = Math.Clamp(stats.White, BroadcastBlack, BroadcastWhite);
        var span = white - black;
        if (stats.Frames == 0 || span >= WellExposedSpan || span < LumaStats.FlatFrameSpan)
        {
            return null;
        }

        // eq: out = c·(in − 127.5) + 127.5 + 255·b. Solve for the black point landing on 16, then cap the shift.
        var contrast = Math.Round(Math.Min((BroadcastWhite - BroadcastBlack) / span, MaxContrast), 3);
        var brightness = (BroadcastBlack - 127.5 - (contrast * (black - 127.5))) / 255;
        brightness = Math.Round(Math.Clamp(brightness, -MaxBrightness, MaxBrightness), 3);
        return contrast <= 1.01 && Math.Abs(brightness) < 0.005 ? null : new EqSettings(brightness, contrast);
    }

    /// <summary>What the job's metadata records: the measured levels and the eq chosen ("none" when none).</summary>
    public static IReadOnlyDictionary<string, string> Details(LumaStats? stats, EqSettings? chosen)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal) { ["eq"] = chosen?.Render() ?? "none" };
        if (stats is not null)
        {
            details["frames"] = stats.Frames.ToString(CultureInfo.InvariantCulture);
            details["ymin"] = Invariant(stats.Black);
            details["ymax"] = Invariant(stats.White);
            details["yavg"] = Invariant(stats.Average);
            details["satavg"] = Invariant(stats.Saturation);
        }

        return details;
    }

    private static string Invariant(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);
}
