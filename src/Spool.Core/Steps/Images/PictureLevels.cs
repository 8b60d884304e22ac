using System.Globalization;
using System.Text.RegularExpressions;

namespace Spool.Core.Steps.Images;

/// <summary>
/// The luma spread of one picture as ffmpeg's signalstats measured it (8-bit levels): Low and High are the 10th and
/// 90th percentiles, so a small logo or a few bright pixels do not make a black frame look busy.
/// </summary>
public sealed partial record PictureLevels(double Low, double Average, double High)
{
    /// <summary>90 % of the picture within this many levels of each other is flat: black, white or one colour.</summary>
    public const double FlatSpread = 12;

    /// <summary>90 % of the picture at or below this level is black with little on it (video black is 16).</summary>
    public const double DarkHigh = 32;

    /// <summary>
    /// A picture nobody wants as a thumbnail: flat (High - Low below <see cref="FlatSpread"/>) or nearly black
    /// (High at or below <see cref="DarkHigh"/>). A dim but detailed scene passes: its bright tenth is above 32.
    /// </summary>
    public bool IsBlank => High - Low < FlatSpread || High <= DarkHigh;

    /// <summary>
    /// The last picture's levels in an ffmpeg log where "metadata=mode=print" followed signalstats
    /// ("lavfi.signalstats.YLOW=16"); null when the log has none (no frame reached the filter).
    /// </summary>
    public static PictureLevels? Parse(string stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        double? low = null, average = null, high = null;
        foreach (Match match in Level().Matches(stderr))
        {
            var value = double.Parse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            switch (match.Groups["key"].Value)
            {
                case "YLOW":
                    low = value;
                    break;
                case "YAVG":
                    average = value;
                    break;
                default:
                    high = value;
                    break;
            }
        }

        return low is { } l && average is { } a && high is { } h ? new PictureLevels(l, a, h) : null;
    }

    [GeneratedRegex(@"lavfi\.signalstats\.(?<key>YLOW|YAVG|YHIGH)=(?<value>[0-9]+(\.[0-9]+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex Level();
}
