using System.Globalization;
using System.Text.RegularExpressions;

namespace Spool.Core.Quality.Checks;

/// <summary>
/// What one libx264 instance measured on everything it encoded (asked with "-x264-params ssim=1:psnr=1"):
/// <see cref="Ssim"/> is its "SSIM Mean Y", <see cref="Psnr"/> its "PSNR Mean … Global" in dB, <see cref="Frames"/>
/// the sum of its I, P and B frame counts, <see cref="Kbps"/> the average bitrate of what it encoded.
/// <see cref="Instance"/> is the encoder's address in ffmpeg's log prefix.
/// </summary>
public sealed record EncoderStats(string Instance, double? Ssim, double? Psnr, long Frames, double? Kbps);

/// <summary>
/// Reads libx264's end-of-encode summaries from an encode's stderr (default log level info, with or without
/// "level+" prefixes). Each instance's lines carry its own "[libx264 @ 0x…]" prefix, so the lines of a fused run never
/// mix; the instances come back in the order their summaries were printed, which is not the order of the outputs
/// (see <see cref="EncoderMeasurements"/> for how each output finds its own).
/// </summary>
public static partial class EncoderStatsParser
{
    public static IReadOnlyList<EncoderStats> ParseX264(string stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var order = new List<string>();
        var found = new Dictionary<string, EncoderStats>(StringComparer.Ordinal);
        foreach (var line in stderr.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Summary().Match(line) is not { Success: true } match)
            {
                continue;
            }

            var instance = match.Groups["instance"].Value;
            if (!found.TryGetValue(instance, out var stats))
            {
                order.Add(instance);
                stats = new EncoderStats(instance, null, null, 0, null);
            }

            var text = match.Groups["text"].Value;
            found[instance] = text switch
            {
                _ when FrameType().Match(text) is { Success: true } frames => stats with { Frames = stats.Frames + long.Parse(frames.Groups["count"].Value, CultureInfo.InvariantCulture) },
                _ when SsimMean().Match(text) is { Success: true } ssim => stats with { Ssim = Number(ssim) },
                _ when PsnrMean().Match(text) is { Success: true } psnr => stats with { Psnr = Number(psnr), Kbps = Number(KbpsOf().Match(text)) },
                _ when KbpsOf().Match(text) is { Success: true } kbps => stats with { Kbps = Number(kbps) },
                _ => stats,
            };
        }

        return [.. order.Select(instance => found[instance])];
    }

    private static double? Number(Match match) => match.Groups["value"].Value switch
    {
        "" => null,
        "inf" => QcLogParser.IdenticalPsnrDb,
        var text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null,
    };

    [GeneratedRegex(@"^\[libx264 @ (?<instance>0x[0-9a-fA-F]+)\] (?:\[\w+\] )?(?<text>.*)$")]
    private static partial Regex Summary();

    // "frame I:1     Avg QP:29.49  size:  1337  PSNR Mean …": one line per frame type the encode used.
    [GeneratedRegex(@"^frame [IPB]:(?<count>\d+)\s+Avg QP:")]
    private static partial Regex FrameType();

    [GeneratedRegex(@"^SSIM Mean Y:(?<value>\d+(?:\.\d+)?)")]
    private static partial Regex SsimMean();

    // x264 prints "inf" for an encode identical to its input; it reads as QcLogParser.IdenticalPsnrDb, as the psnr filter's does.
    [GeneratedRegex(@"^PSNR Mean Y:.* Global:(?<value>\d+(?:\.\d+)?|inf)")]
    private static partial Regex PsnrMean();

    // The last summary line ends in "kb/s:50.42": the PSNR line when psnr is on, a line of its own otherwise.
    [GeneratedRegex(@"(?:^| )kb/s:(?<value>\d+(?:\.\d+)?)$")]
    private static partial Regex KbpsOf();
}
