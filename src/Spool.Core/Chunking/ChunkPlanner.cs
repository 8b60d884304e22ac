namespace Spool.Core.Chunking;

/// <summary>One chunk of an input's video: [Start, End) in seconds from the input's start; End null runs to the end.</summary>
public sealed record ChunkSpan(int Index, double Start, double? End);

/// <summary>
/// Splits an input at source keyframes near evenly spread boundaries. With a chunk length L the input gets
/// n = max(2, round(duration / L)) chunks, planned boundaries at k × duration / n; each snaps to the nearest keyframe
/// after the previous boundary (the earlier one on a tie), and one that snaps onto the previous boundary or past the
/// end is dropped. The last chunk runs to the end of the input (no end time: nothing at the tail can be cut off).
/// Scene cuts are not looked for: keyframes are where a cut can be made without re-encoding across it.
/// Fewer than two chunks means the input is encoded whole: an empty list.
/// </summary>
public static class ChunkPlanner
{
    public static IReadOnlyList<ChunkSpan> Split(IReadOnlyList<double> keyframes, double duration, double length)
    {
        ArgumentNullException.ThrowIfNull(keyframes);
        if (length <= 0 || duration <= 0)
        {
            return [];
        }

        var count = Math.Max(2, (int)Math.Round(duration / length, MidpointRounding.AwayFromZero));
        var boundaries = new List<double>();
        var previous = 0.0;
        for (var k = 1; k < count; k++)
        {
            var planned = k * duration / count;
            var candidates = keyframes.Where(time => time > previous + 1e-6 && time < duration - 1e-6).ToList();
            if (candidates.Count == 0)
            {
                break;
            }

            var nearest = candidates.OrderBy(time => Math.Abs(time - planned)).ThenBy(time => time).First();
            if (boundaries.Count > 0 && nearest <= boundaries[^1])
            {
                continue;
            }

            boundaries.Add(nearest);
            previous = nearest;
        }

        if (boundaries.Count == 0)
        {
            return [];
        }

        var chunks = new List<ChunkSpan>();
        var start = 0.0;
        for (var i = 0; i < boundaries.Count; i++)
        {
            chunks.Add(new ChunkSpan(i + 1, start, boundaries[i]));
            start = boundaries[i];
        }

        chunks.Add(new ChunkSpan(boundaries.Count + 1, start, null));
        return chunks;
    }
}
