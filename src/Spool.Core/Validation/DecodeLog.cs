using System.Globalization;
using System.Text.RegularExpressions;

namespace Spool.Core.Validation;

/// <summary>
/// Reads the stderr of the thorough decode: ffmpeg at "-v error" with "-progress pipe:2", so progress blocks
/// (out_time_us=…) and error lines arrive in one stream, in order. Each error line is reported with the last decoded
/// time before it; that time is as fine as the progress period, which is enough to find the damage in a player.
/// </summary>
public static partial class DecodeLog
{
    /// <summary>Problems listed one by one; the rest are counted, so a file broken everywhere stays readable.</summary>
    public const int MaxListedErrors = 20;

    // Progress keys ffmpeg writes with -progress; every other line on stderr is a log line.
    private static readonly string[] ProgressKeys =
    [
        "frame", "fps", "bitrate", "total_size", "out_time_us", "out_time_ms", "out_time", "dup_frames", "drop_frames",
        "speed", "progress",
    ];

    // The summary lines ffmpeg adds after the real error; they name nothing new.
    private static readonly string[] Boilerplate =
    [
        "Error marking filters as finished", "Conversion failed!", "Last message repeated",
    ];

    /// <summary>The decode errors, in order, each as "decode error after T s: line".</summary>
    public static IReadOnlyList<string> Errors(string stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var hidden = 0;
        double? lastTime = null;
        foreach (var raw in stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ProgressValue(raw) is { } progress)
            {
                if (progress.Key == "out_time_us" && long.TryParse(progress.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var us) && us >= 0)
                {
                    lastTime = us / 1_000_000.0;
                }

                continue;
            }

            if (Array.Exists(Boilerplate, b => raw.StartsWith(b, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var line = LogPointer().Replace(raw, "]");
            var at = lastTime is { } t ? string.Create(CultureInfo.InvariantCulture, $"after {t:0.###} s") : "before the first decoded frame";
            var problem = $"decode error {at}: {line}";
            if (errors.Count < MaxListedErrors && seen.Add(problem))
            {
                errors.Add(problem);
            }
            else
            {
                hidden++;
            }
        }

        if (hidden > 0)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"… and {hidden} more decode error line(s)"));
        }

        return errors;
    }

    private static (string Key, string Value)? ProgressValue(string line)
    {
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return null;
        }

        var key = line[..equals];
        return Array.IndexOf(ProgressKeys, key) >= 0 || key.StartsWith("stream_", StringComparison.Ordinal)
            ? (key, line[(equals + 1)..])
            : null;
    }

    [GeneratedRegex(@" @ 0x[0-9a-f]+\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LogPointer();
}
