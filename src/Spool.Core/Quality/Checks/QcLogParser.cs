using System.Globalization;
using System.Text.RegularExpressions;

namespace Spool.Core.Quality.Checks;

/// <summary>
/// Pure parsers for the stderr of QC's ffmpeg passes, run with "-v level+info" so every line carries its level
/// ("[error]", "[info]"). The ssim, psnr, volumedetect, ebur128 and libvmaf filters only report through the log,
/// so their end-of-run summaries are read here; nothing else is parsed from console text.
/// </summary>
public static partial class QcLogParser
{
    /// <summary>What psnr's "inf" (identical pictures) reads as: a finite number keeps the JSON report valid.</summary>
    public const double IdenticalPsnrDb = 100;

    /// <summary>What "-inf" (digital silence) reads as, for the same reason.</summary>
    public const double SilenceDb = -120;

    /// <summary>How many decode error lines are kept as evidence; all of them are counted.</summary>
    public const int MaxKeptErrors = 10;

    /// <summary>
    /// Error-level lines of the decode pass, and the decoder's concealment and corrupt-frame notes. ffmpeg names no
    /// time in its decoder errors, so each line gets the last "time=" of its progress line before it: an approximate
    /// position ("near 1.09 s").
    /// </summary>
    public static (IReadOnlyList<string> Errors, int Count) ParseDecodeErrors(string stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var kept = new List<string>();
        var count = 0;
        double? position = null;
        foreach (var raw in stderr.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (StatsTime().Match(raw) is { Success: true } stats)
            {
                position = ToSeconds(stats);
                continue;
            }

            if (Damage().Match(raw) is not { Success: true } error)
            {
                continue;
            }

            count++;
            if (kept.Count < MaxKeptErrors)
            {
                var message = (error.Groups["source"].Value + error.Groups["message"].Value).Trim();
                kept.Add(position is { } at ? string.Create(CultureInfo.InvariantCulture, $"near {at:0.##} s: {message}") : message);
            }
        }

        return (kept, count);
    }

    /// <summary>volumedetect's "max_volume: -14.6 dB" (the last one printed).</summary>
    public static double? ParseMaxVolume(string stderr) => Last(MaxVolume(), stderr);

    /// <summary>
    /// ebur128's integrated loudness (LUFS) and true peak (dBTP) from its last "Summary:" block. The last one counts:
    /// a filter graph that ffmpeg configures twice prints an empty summary (-70 LUFS, -inf) for its first instance.
    /// </summary>
    public static (double? IntegratedLufs, double? TruePeakDbtp) ParseEbur128(string stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var summary = stderr.LastIndexOf("Summary:", StringComparison.Ordinal);
        if (summary < 0)
        {
            return (null, null);
        }

        var block = stderr[summary..];
        return (First(Integrated(), block), First(TruePeak(), block));
    }

    /// <summary>The ssim filter's "All:" over every compared frame.</summary>
    public static double? ParseSsim(string stderr) => Last(SsimAll(), stderr);

    /// <summary>The psnr filter's "average:" in dB; "inf" (identical pictures) reads as <see cref="IdenticalPsnrDb"/>.</summary>
    public static double? ParsePsnr(string stderr) => Last(PsnrAverage(), stderr);

    /// <summary>libvmaf's "VMAF score: 95.3".</summary>
    public static double? ParseVmaf(string stderr) => Last(VmafScore(), stderr);

    private static double? Last(Regex pattern, string stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var matches = pattern.Matches(stderr);
        return matches.Count == 0 ? null : ToNumber(matches[^1].Groups["value"].Value);
    }

    private static double? First(Regex pattern, string text) =>
        pattern.Match(text) is { Success: true } match ? ToNumber(match.Groups["value"].Value) : null;

    private static double? ToNumber(string text)
    {
        if (text.EndsWith("inf", StringComparison.Ordinal))
        {
            return text.StartsWith('-') ? SilenceDb : IdenticalPsnrDb;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : null;
    }

    private static double ToSeconds(Match stats) =>
        int.Parse(stats.Groups["h"].Value, CultureInfo.InvariantCulture) * 3600
        + int.Parse(stats.Groups["m"].Value, CultureInfo.InvariantCulture) * 60
        + double.Parse(stats.Groups["s"].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"time=(?<h>\d+):(?<m>\d{2}):(?<s>\d{2}(?:\.\d+)?)")]
    private static partial Regex StatsTime();

    // Error-level lines ("[h264 @ 0x55c...] [error] error while decoding MB 35 6"), and the two signs of damage ffmpeg
    // logs below that level: with frame threads the h264 decoder may only say "[info] concealing 2517 DC, 2517 AC,
    // 2517 MV errors in P frame", and ffmpeg itself "[warning] x.mp4: corrupt decoded frame in stream 0".
    [GeneratedRegex(@"^(?<source>\[[^\]]+\] )?(?:\[(?:error|fatal|panic)\] (?<message>.*)|\[(?:info|warning)\] (?<message>concealing \d+ DC, .* errors in .*|.*: corrupt decoded frame in stream \d+))$")]
    private static partial Regex Damage();

    [GeneratedRegex(@"max_volume: (?<value>-?(?:\d+(?:\.\d+)?|inf)) dB")]
    private static partial Regex MaxVolume();

    [GeneratedRegex(@"^\s*I:\s+(?<value>-?(?:\d+(?:\.\d+)?|inf)) LUFS", RegexOptions.Multiline)]
    private static partial Regex Integrated();

    [GeneratedRegex(@"^\s*Peak:\s+(?<value>-?(?:\d+(?:\.\d+)?|inf)) dBFS", RegexOptions.Multiline)]
    private static partial Regex TruePeak();

    [GeneratedRegex(@"SSIM Y:.* All:(?<value>\d+(?:\.\d+)?)")]
    private static partial Regex SsimAll();

    [GeneratedRegex(@"PSNR y:.* average:(?<value>\d+(?:\.\d+)?|inf)")]
    private static partial Regex PsnrAverage();

    [GeneratedRegex(@"VMAF score: (?<value>\d+(?:\.\d+)?)")]
    private static partial Regex VmafScore();
}
