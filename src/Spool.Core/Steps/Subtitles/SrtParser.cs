using System.Globalization;
using System.Text.RegularExpressions;

namespace Spool.Core.Steps.Subtitles;

/// <summary>The cues of a SubRip file, or why it is not one (the message names the line).</summary>
public sealed record SrtParse(IReadOnlyList<Cue> Cues, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Reads SubRip text the way players do: a byte-order mark, CRLF line ends, a missing or wrong cue number, "." for ","
/// before the milliseconds, and position hints after the times ("X1:…") are all accepted. A block whose timing line
/// is missing or malformed, or whose end comes before its start, is an error that names its line (1-based).
/// </summary>
public static partial class SrtParser
{
    public static SrtParse Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var cues = new List<Cue>();
        var i = 0;
        while (i < lines.Length)
        {
            if (lines[i].Trim().Length == 0)
            {
                i++;
                continue;
            }

            // A block: an optional number line, the timing line, then text up to a blank line.
            var timingLine = IsNumber(lines[i]) && i + 1 < lines.Length ? i + 1 : i;
            var match = Timing().Match(lines[timingLine]);
            if (!match.Success)
            {
                return Fail(timingLine, $"expected a timing line like '00:00:01,000 --> 00:00:02,500', found '{Shorten(lines[timingLine])}'");
            }

            var start = ParseTime(match.Groups["start"]);
            var end = ParseTime(match.Groups["end"]);
            if (end < start)
            {
                return Fail(timingLine, "the cue ends before it starts");
            }

            i = timingLine + 1;
            var body = new List<string>();
            while (i < lines.Length && lines[i].Trim().Length > 0)
            {
                body.Add(lines[i].Trim());
                i++;
            }

            cues.Add(new Cue(start, end, string.Join('\n', body)));
        }

        return new SrtParse(cues, null);
    }

    private static SrtParse Fail(int index, string why) =>
        new([], string.Create(CultureInfo.InvariantCulture, $"line {index + 1}: {why}"));

    private static bool IsNumber(string line) => line.Trim() is { Length: > 0 } trimmed && trimmed.All(char.IsAsciiDigit);

    private static TimeSpan ParseTime(Group group)
    {
        var parts = group.Value.Split(':', ',', '.');
        int Part(int index) => int.Parse(parts[index], NumberStyles.None, CultureInfo.InvariantCulture);
        var milliseconds = parts[3].PadRight(3, '0')[..3];
        return new TimeSpan(0, Part(0), Part(1), Part(2), int.Parse(milliseconds, NumberStyles.None, CultureInfo.InvariantCulture));
    }

    private static string Shorten(string line) => line.Length <= 60 ? line.Trim() : line[..59].Trim() + "…";

    [GeneratedRegex(@"^\s*(?<start>\d{1,3}:\d{1,2}:\d{1,2}[,.]\d{1,3})\s*-->\s*(?<end>\d{1,3}:\d{1,2}:\d{1,2}[,.]\d{1,3})(\s.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Timing();
}
