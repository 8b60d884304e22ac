using System.Globalization;
using System.Text.RegularExpressions;

namespace Spool.Core.Steps.Cleanup;

/// <summary>
/// The picture's levels over the sampled frames, 8-bit luma: the medians of each frame's darkest and brightest
/// pixel (YMIN, YMAX), average luma (YAVG) and average saturation (SATAVG). Medians over frames, so a flash, a
/// title card or a few noisy frames do not decide the correction. <see cref="Frames"/> counts the frames used.
/// </summary>
public sealed partial record LumaStats(double Black, double White, double Average, double Saturation, int Frames)
{
    /// <summary>Frames whose brightest and darkest pixels are closer than this are flat (black, a fade) and left out.</summary>
    public const double FlatFrameSpan = 16;

    /// <summary>
    /// Reads signalstats values printed by "metadata=mode=print" ("[Parsed_metadata_N @ 0x…] lavfi.signalstats.YMIN=16");
    /// a frame's values begin at its YMIN. Null when no frame with detail was printed.
    /// </summary>
    public static LumaStats? Parse(string stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var frames = new List<Dictionary<string, double>>();
        foreach (Match match in Stat().Matches(stderr))
        {
            var key = match.Groups["key"].Value;
            if (key == "YMIN")
            {
                frames.Add(new Dictionary<string, double>(StringComparer.Ordinal));
            }

            if (frames.Count > 0
                && double.TryParse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                frames[^1][key] = value;
            }
        }

        var used = frames
            .Where(frame => frame.ContainsKey("YMIN") && frame.ContainsKey("YMAX") && frame.ContainsKey("YAVG"))
            .Where(frame => frame["YMAX"] - frame["YMIN"] >= FlatFrameSpan)
            .ToList();
        if (used.Count == 0)
        {
            return null;
        }

        return new LumaStats(
            Median(used.Select(frame => frame["YMIN"])),
            Median(used.Select(frame => frame["YMAX"])),
            Median(used.Select(frame => frame["YAVG"])),
            Median(used.Select(frame => frame.GetValueOrDefault("SATAVG"))),
            used.Count);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    [GeneratedRegex(@"lavfi\.signalstats\.(?<key>YMIN|YMAX|YAVG|SATAVG)=(?<value>[-0-9.]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Stat();
}
