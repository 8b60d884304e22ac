namespace Spool.Core.Steps.Subtitles;

/// <summary>
/// Turns recognised speech into cues people can read (pure). The words of each segment (the engine's, or estimated by
/// <see cref="WordTimes"/>) are cut into runs at sentence ends (. ! ?), at pauses of half a second or more, and at
/// segment ends (an engine ends a segment at a pause). A run too long for one cue (more than two lines of 42
/// characters, or more than 7 s) is split into the fewest parts with equal word counts (the first parts take one more
/// when they do not divide evenly) that all fit. Then the timing: cues never overlap (a cue ends where the next
/// starts), a short cue is held for 0.8 s where the next one leaves room, and none stays longer than 7 s.
/// </summary>
public static class CueSegmenter
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(7);
    public static readonly TimeSpan MinDuration = TimeSpan.FromMilliseconds(800);
    public static readonly TimeSpan PauseGap = TimeSpan.FromMilliseconds(500);

    public static IReadOnlyList<Cue> Segment(IEnumerable<SpeechSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var raw = new List<Cue>();
        foreach (var segment in segments.OrderBy(segment => segment.Start))
        {
            var words = segment.Words.Count > 0 ? segment.Words : WordTimes.Estimate(segment.Text, [(segment.Start, segment.End)]);
            foreach (var run in Runs(words.Where(word => word.Text.Trim().Length > 0).ToList()))
            {
                raw.AddRange(Split(run));
            }
        }

        return Timed(raw);
    }

    private static IEnumerable<List<TimedWord>> Runs(List<TimedWord> words)
    {
        var run = new List<TimedWord>();
        for (var i = 0; i < words.Count; i++)
        {
            run.Add(words[i]);
            var last = i == words.Count - 1;
            if (last || EndsSentence(words[i].Text) || words[i + 1].Start - words[i].End >= PauseGap)
            {
                yield return run;
                run = [];
            }
        }
    }

    private static List<Cue> Split(List<TimedWord> run)
    {
        for (var parts = 1; ; parts++)
        {
            var cues = new List<Cue>();
            var taken = 0;
            for (var part = 0; part < parts; part++)
            {
                var count = (run.Count / parts) + (part < run.Count % parts ? 1 : 0);
                var words = run.GetRange(taken, count);
                taken += count;
                var text = string.Join(' ', words.Select(word => word.Text.Trim()));
                var lines = CueLines.Layout(text);
                var tooLong = words[^1].End - words[0].Start > MaxDuration;
                if (words.Count > 1 && (lines is null || tooLong))
                {
                    break;
                }

                cues.Add(new Cue(words[0].Start, words[^1].End, lines ?? text));
            }

            if (cues.Count == parts)
            {
                return cues;
            }
        }
    }

    private static List<Cue> Timed(List<Cue> raw)
    {
        var timed = new List<Cue>(raw.Count);
        var previousEnd = TimeSpan.Zero;
        for (var i = 0; i < raw.Count; i++)
        {
            var start = raw[i].Start > previousEnd ? raw[i].Start : previousEnd;
            var end = Max(raw[i].End, start + MinDuration);
            end = Min(end, start + MaxDuration);
            if (i + 1 < raw.Count && raw[i + 1].Start > start)
            {
                end = Min(end, raw[i + 1].Start);
            }

            // Only an engine's overlapping segments get here: keep the text, with the shortest cue a player shows.
            end = Max(end, start + TimeSpan.FromMilliseconds(1));
            timed.Add(raw[i] with { Start = start, End = end });
            previousEnd = end;
        }

        return timed;
    }

    private static bool EndsSentence(string word)
    {
        var text = word.TrimEnd().TrimEnd('"', '\'', ')', ']', '”', '’', '»');
        return text.Length > 0 && text[^1] is '.' or '!' or '?' or '…';
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
