using System.Globalization;
using Spool.Media.Probing;

namespace Spool.Core.Quality;

/// <summary>
/// Pure rules comparing a probed output with what its plan promised. The duration bar is loose on purpose
/// (0.5 s, or 2 % of long sources): it catches truncated encodes, not container rounding. Stricter QC is its own stage.
/// </summary>
public static class OutputCheckRules
{
    public static OutputCheck Evaluate(MediaInfo output, OutputExpectation expected)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(expected);
        var problems = new List<string>();
        var video = output.PrimaryVideo;
        if (video is null)
        {
            problems.Add("the output has no video stream");
        }
        else
        {
            if (video.Width != expected.Width || video.Height != expected.Height)
            {
                problems.Add(Invariant($"resolution {video.Width}x{video.Height}, planned {expected.Width}x{expected.Height}"));
            }

            if (video.Rotation != 0)
            {
                problems.Add(Invariant($"rotation {video.Rotation} left in the output"));
            }
        }

        var hasAudio = output.AudioStreams.Count > 0;
        if (hasAudio != expected.HasAudio)
        {
            problems.Add(expected.HasAudio ? "the source's audio is missing" : "the output has audio the plan did not ask for");
        }

        var duration = output.EffectiveDuration;
        double? delta = duration is { } actual && expected.DurationSeconds is { } planned ? actual - planned : null;
        if (delta is { } d && expected.DurationSeconds is { } source && Math.Abs(d) > Math.Max(0.5, source * 0.02))
        {
            problems.Add(Invariant($"duration {duration:0.###} s, source {source:0.###} s"));
        }

        return new OutputCheck(problems.Count == 0, video?.Width, video?.Height, duration, delta, hasAudio, video?.Rotation ?? 0, problems);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
