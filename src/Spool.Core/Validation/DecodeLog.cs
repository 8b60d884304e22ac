using System.Globalization;
using System.Text.RegularExpressions;

namespace Spool.Core.Validation;

/// <summary>One decode error: the line ffmpeg wrote, and the last decoded time before it (null: before any frame).</summary>
public sealed record DecodeError(double? AtSeconds, string Line);

/// <summary>The decode errors of one run: the first ones listed, the rest counted.</summary>
public sealed record DecodeErrors(IReadOnlyList<DecodeError> Listed, int Hidden)
{
    public bool Any => Listed.Count > 0 || Hidden > 0;
}

/// <summary>
/// Reads the stderr of the thorough decode (<see cref="InputValidator.DecodeArguments"/>): ffmpeg at "level+info"
/// with a sparse showinfo/ashowinfo marker per stream, so each log line carries its level and decoded frame times
/// (pts_time) arrive in order with the errors. Progress blocks (out_time_us) are read too, for logs written with
/// "-v error -progress pipe:2". Progress alone is not enough: it is written per wall-clock period, and a short file
/// decodes within the first one, which placed every error "after 0.07 s".
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
        var parsed = Parse(stderr);
        var errors = parsed.Listed.Select(Describe).ToList();
        if (parsed.Hidden > 0)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"… and {parsed.Hidden} more decode error line(s)"));
        }

        return errors;
    }

    /// <summary>The decode errors with their times, the first <see cref="MaxListedErrors"/> distinct ones listed.</summary>
    public static DecodeErrors Parse(string stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var listed = new List<DecodeError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var hidden = 0;
        double? lastTime = null;
        foreach (var raw in stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TimeOf(raw) is { } time)
            {
                // Video and audio markers interleave; the furthest time reached is the one that locates the damage.
                lastTime = lastTime is { } before ? Math.Max(before, time) : time;
                continue;
            }

            if (ProgressValue(raw) is not null || LogLine(raw) is not { } message)
            {
                continue;
            }

            if (Array.Exists(Boilerplate, b => message.Contains(b, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var error = new DecodeError(lastTime, LogPointer().Replace(message, "]"));
            if (listed.Count < MaxListedErrors && seen.Add(Describe(error)))
            {
                listed.Add(error);
            }
            else
            {
                hidden++;
            }
        }

        return new DecodeErrors(listed, hidden);
    }

    /// <summary>The error-level lines alone (tags removed), for the error classifier: info lines name codecs and would mislead it.</summary>
    public static string ErrorText(string stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => TimeOf(line) is null && ProgressValue(line) is null)
            .Select(LogLine)
            .OfType<string>();
        return string.Join('\n', lines);
    }

    public static string Describe(DecodeError error) => error.AtSeconds is { } t
        ? string.Create(CultureInfo.InvariantCulture, $"decode error after {t:0.###} s: {error.Line}")
        : $"decode error before the first decoded frame: {error.Line}";

    // A decoded time: a showinfo marker's pts_time, or a progress block's out_time_us.
    private static double? TimeOf(string line)
    {
        if (ProgressValue(line) is ("out_time_us", var value))
        {
            return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var us) && us >= 0 ? us / 1_000_000.0 : null;
        }

        var marker = PtsTime().Match(line);
        return marker.Success && line.Contains("showinfo", StringComparison.Ordinal)
            && double.TryParse(marker.Groups[1].ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? seconds
            : null;
    }

    // The message of an error line, without its level tag; null for a line below error level. A line without a tag
    // comes from a log written at "-v error", where every line is an error.
    private static string? LogLine(string line)
    {
        var tag = LevelTag().Match(line);
        if (!tag.Success)
        {
            return line;
        }

        return tag.Groups[2].Value is "error" or "fatal" or "panic" ? (tag.Groups[1].Value + line[tag.Length..]).Trim() : null;
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

    [GeneratedRegex(@"\bpts_time:(-?\d+(?:\.\d+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex PtsTime();

    // "[h264 @ 0x55] [error] msg" or "[error] msg": ffmpeg's -loglevel level flag.
    [GeneratedRegex(@"^(\[[^\]]+\] )?\[(quiet|panic|fatal|error|warning|info|verbose|debug|trace)\](?: |$)", RegexOptions.CultureInvariant)]
    private static partial Regex LevelTag();
}
