namespace Spool.Core.Steps.Subtitles;

/// <summary>
/// Lays a cue's text out in at most two lines of at most 42 characters (the common broadcast and streaming limit,
/// readable at a glance). Two lines are balanced: the break goes at the word boundary that makes their lengths
/// closest, and on a tie the earlier one, so the top line is the shorter (the eye drops to the longer line).
/// </summary>
public static class CueLines
{
    public const int MaxLineLength = 42;

    /// <summary>The text as one or two lines joined by "\n", or null when it does not fit in two lines.</summary>
    public static string? Layout(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var single = string.Join(' ', words);
        if (single.Length <= MaxLineLength)
        {
            return single;
        }

        string? best = null;
        var bestDifference = int.MaxValue;
        for (var split = 1; split < words.Length; split++)
        {
            var top = string.Join(' ', words[..split]);
            var bottom = string.Join(' ', words[split..]);
            var difference = Math.Abs(top.Length - bottom.Length);
            if (top.Length <= MaxLineLength && bottom.Length <= MaxLineLength && difference < bestDifference)
            {
                best = top + "\n" + bottom;
                bestDifference = difference;
            }
        }

        return best;
    }
}
