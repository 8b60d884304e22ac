using System.Collections.Frozen;

namespace Spool.Media.Capabilities;

/// <summary>
/// Reads the text of "ffmpeg -hide_banner -version | -encoders | -filters | -hwaccels". Each listing opens with a
/// legend ("V..... = Video"); the parser keeps only rows shaped like entries, so a legend line is never a name.
/// </summary>
public static class FfmpegCapabilityParser
{
    private static readonly char[] Blanks = [' ', '\t'];

    /// <summary>"ffmpeg version 5.1.9-0+deb12u1 Copyright …" → "5.1.9-0+deb12u1"; null when it is not ffmpeg's.</summary>
    public static string? ParseVersion(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string Prefix = "ffmpeg version ";
        foreach (var line in Lines(text))
        {
            if (line.StartsWith(Prefix, StringComparison.Ordinal))
            {
                var rest = line[Prefix.Length..].Split(Blanks, StringSplitOptions.RemoveEmptyEntries);
                return rest.Length > 0 ? rest[0] : null;
            }
        }

        return null;
    }

    /// <summary>Rows " V....D libx264   libx264 H.264 …" after the " ------" rule: the second column.</summary>
    public static IReadOnlySet<string> ParseEncoders(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = new List<string>();
        var inTable = false;
        foreach (var line in Lines(text))
        {
            var columns = line.Split(Blanks, 3, StringSplitOptions.RemoveEmptyEntries);
            if (!inTable)
            {
                inTable = columns is [var rule] && rule.Length > 0 && rule.All(c => c == '-');
                continue;
            }

            if (columns.Length >= 2 && IsFlags(columns[0], "VASD"))
            {
                names.Add(columns[1]);
            }
        }

        return names.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Rows " TS. scale   V->V   Scale the input …": flags, name, then an "in->out" column.</summary>
    public static IReadOnlySet<string> ParseFilters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = new List<string>();
        foreach (var line in Lines(text))
        {
            var columns = line.Split(Blanks, 4, StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length >= 3 && IsFlags(columns[0], "TSC") && columns[2].Contains("->", StringComparison.Ordinal))
            {
                names.Add(columns[1]);
            }
        }

        return names.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>One method per line after "Hardware acceleration methods:".</summary>
    public static IReadOnlySet<string> ParseHardwareAccelerations(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = new List<string>();
        var inList = false;
        foreach (var line in Lines(text))
        {
            var trimmed = line.Trim();
            if (!inList)
            {
                inList = trimmed.StartsWith("Hardware acceleration methods", StringComparison.Ordinal);
                continue;
            }

            if (trimmed.Length > 0 && trimmed.IndexOfAny(Blanks) < 0)
            {
                names.Add(trimmed);
            }
        }

        return names.ToFrozenSet(StringComparer.Ordinal);
    }

    // A flags column is dots and capability letters only, and holds at least one letter ("V.....", "TS.", "...").
    private static bool IsFlags(string column, string letters) =>
        column.Length is >= 3 and <= 8 && column.All(c => c == '.' || char.IsAsciiLetterUpper(c))
        && (column.Any(c => letters.Contains(c, StringComparison.Ordinal)) || column.All(c => c == '.'));

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
