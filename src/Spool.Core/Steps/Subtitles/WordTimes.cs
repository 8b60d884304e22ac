namespace Spool.Core.Steps.Subtitles;

/// <summary>
/// Estimates when each word was said, for engines that time only whole utterances: the speech time (the intervals,
/// in order; pauses between them excluded) is shared among the words in proportion to their length in characters,
/// a fair stand-in for syllables. Times are rounded to milliseconds, the precision of SRT.
/// </summary>
public static class WordTimes
{
    public static IReadOnlyList<TimedWord> Estimate(string text, IReadOnlyList<(TimeSpan Start, TimeSpan End)> speech)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(speech);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || speech.Count == 0)
        {
            return [];
        }

        var total = speech.Sum(interval => Math.Max(0, (interval.End - interval.Start).TotalMilliseconds));
        var characters = words.Sum(word => word.Length);
        var result = new List<TimedWord>(words.Length);
        var before = 0;
        foreach (var word in words)
        {
            var start = At(speech, total * before / characters, entering: true);
            before += word.Length;
            var end = At(speech, total * before / characters, entering: false);
            result.Add(new TimedWord(start, end, word));
        }

        return result;
    }

    /// <summary>
    /// The moment when <paramref name="offset"/> ms of speech have passed. At an interval's edge, a word that starts
    /// there starts in the next interval and a word that ends there ends in the previous one, so no word spans a pause
    /// it does not need to.
    /// </summary>
    private static TimeSpan At(IReadOnlyList<(TimeSpan Start, TimeSpan End)> speech, double offset, bool entering)
    {
        var passed = 0.0;
        foreach (var (start, end) in speech)
        {
            var length = Math.Max(0, (end - start).TotalMilliseconds);
            if (offset < passed + length || (!entering && offset <= passed + length))
            {
                return Milliseconds(start.TotalMilliseconds + offset - passed);
            }

            passed += length;
        }

        return Milliseconds(speech[^1].End.TotalMilliseconds);
    }

    private static TimeSpan Milliseconds(double value) => TimeSpan.FromMilliseconds(Math.Round(value, MidpointRounding.AwayFromZero));
}
