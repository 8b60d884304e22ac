using System.Globalization;

namespace Spool.Core.Steps.Subtitles;

/// <summary>
/// Reads what the pocketsphinx pass printed (ametadata's "frame:… pts_time:T" lines, each followed by its keys) and
/// times the utterances (pure). ffmpeg's asr filter sets lavfi.asr.text on the frame where its voice detector ends
/// an utterance, about half a second after the speech stops, and gives no start and no word times; silencedetect in
/// the same chain marks the pauses. So each utterance owns the speech (the audio between silences) heard after the
/// previous utterance was reported and before it was: it starts with the first of that speech and ends with the last,
/// and its words are spread over that speech by <see cref="WordTimes"/>, skipping the pauses. When silencedetect
/// heard no pause there (music, a noisy room), the utterance spans the whole stretch between the two reports.
/// </summary>
public static class PocketsphinxLog
{
    public static IReadOnlyList<SpeechSegment> Parse(string metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var utterances = new List<(TimeSpan At, string Text)>();
        var silences = new List<(TimeSpan Start, TimeSpan? End)>();
        var at = TimeSpan.Zero;
        foreach (var raw in metadata.Split('\n'))
        {
            var line = raw.Trim();
            var time = line.IndexOf("pts_time:", StringComparison.Ordinal);
            if (line.StartsWith("frame:", StringComparison.Ordinal) && time > 0)
            {
                at = Seconds(line[(time + "pts_time:".Length)..]) ?? at;
            }
            else if (Value(line, "lavfi.asr.text") is { Length: > 0 } text)
            {
                utterances.Add((at, text));
            }
            else if (Seconds(Value(line, "lavfi.silence_start")) is { } start)
            {
                silences.Add((start, null));
            }
            else if (Seconds(Value(line, "lavfi.silence_end")) is { } end && silences.Count > 0 && silences[^1].End is null)
            {
                silences[^1] = (silences[^1].Start, end);
            }
        }

        return Align(utterances, Speech(silences));
    }

    private static List<SpeechSegment> Align(List<(TimeSpan At, string Text)> utterances, List<(TimeSpan Start, TimeSpan End)> speech)
    {
        var segments = new List<SpeechSegment>();
        var previous = TimeSpan.Zero;
        foreach (var (at, text) in utterances)
        {
            var heard = speech
                .Select(span => (Start: span.Start > previous ? span.Start : previous, End: span.End < at ? span.End : at))
                .Where(span => span.End > span.Start)
                .ToList();
            if (heard.Count == 0)
            {
                heard.Add((previous, at));
            }

            segments.Add(new SpeechSegment(heard[0].Start, heard[^1].End, text) { Words = WordTimes.Estimate(text, heard) });
            previous = at;
        }

        return segments;
    }

    /// <summary>The audio between silences; a silence still open at the end runs to the end.</summary>
    private static List<(TimeSpan Start, TimeSpan End)> Speech(List<(TimeSpan Start, TimeSpan? End)> silences)
    {
        var speech = new List<(TimeSpan Start, TimeSpan End)>();
        TimeSpan? cursor = TimeSpan.Zero;
        foreach (var (start, end) in silences)
        {
            if (cursor is { } from && start > from)
            {
                speech.Add((from, start));
            }

            cursor = end;
        }

        if (cursor is { } last)
        {
            speech.Add((last, TimeSpan.MaxValue));
        }

        return speech;
    }

    private static string? Value(string line, string key) =>
        line.StartsWith(key + "=", StringComparison.Ordinal) ? line[(key.Length + 1)..].Trim() : null;

    private static TimeSpan? Seconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && double.IsFinite(seconds)
            ? TimeSpan.FromMilliseconds(Math.Round(seconds * 1000))
            : null;
}
