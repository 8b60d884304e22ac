using System.Globalization;
using System.Text;

namespace Spool.Core.Steps.Subtitles;

/// <summary>
/// Writes cues as SubRip (.srt: numbered cues, "00:00:01,000") and WebVTT (.vtt: a "WEBVTT" header, "00:00:01.000"),
/// with "\n" line ends. WebVTT text escapes "&amp;", "&lt;" and "&gt;" (its cue text is markup); SubRip has no escaping,
/// so its text is written as is. Blank lines would end a cue early, so a cue's empty lines are dropped.
/// </summary>
public static class SubtitleWriter
{
    public static string ToSrt(IReadOnlyList<Cue> cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        var text = new StringBuilder();
        for (var i = 0; i < cues.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i + 1}\n");
            text.Append(CultureInfo.InvariantCulture, $"{Time(cues[i].Start, ',')} --> {Time(cues[i].End, ',')}\n");
            text.Append(Lines(cues[i].Text)).Append("\n\n");
        }

        return text.ToString();
    }

    public static string ToVtt(IReadOnlyList<Cue> cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        var text = new StringBuilder("WEBVTT\n\n");
        foreach (var cue in cues)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Time(cue.Start, '.')} --> {Time(cue.End, '.')}\n");
            var escaped = cue.Text.Replace("&", "&amp;", StringComparison.Ordinal)
                .Replace("<", "&lt;", StringComparison.Ordinal)
                .Replace(">", "&gt;", StringComparison.Ordinal);
            text.Append(Lines(escaped)).Append("\n\n");
        }

        return text.ToString();
    }

    /// <summary>"HH:MM:SS,mmm" (hours grow past 99 rather than wrap), rounded to the millisecond.</summary>
    public static string Time(TimeSpan time, char separator)
    {
        var ms = (long)Math.Round(Math.Max(0, time.TotalMilliseconds), MidpointRounding.AwayFromZero);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{ms / 3_600_000:00}:{ms / 60_000 % 60:00}:{ms / 1000 % 60:00}{separator}{ms % 1000:000}");
    }

    private static string Lines(string text) => string.Join(
        '\n',
        text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0));
}
