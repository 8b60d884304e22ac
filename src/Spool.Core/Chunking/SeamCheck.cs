using System.Globalization;
using Spool.Core.Quality.Checks;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Chunking;

/// <summary>What the join's verification found: frame counts, durations, the SSIM at each seam, and the first problem.</summary>
public sealed record SeamReport(long? Frames, long? SourceFrames, double? Duration, double? SourceDuration, IReadOnlyList<double?> SeamSsims, string? Problem);

/// <summary>
/// Verifies a joined output against its source: exactly the source's frame count (video packets counted on both, so a
/// frame duplicated or dropped at a seam shows), the source's video duration within one frame, and no visible seam:
/// SSIM of the <see cref="FramesEachSide"/> frames either side of every boundary against the same frames of the
/// source, compared as QC compares (active picture, half size, light blur), at least the preset's QC bar.
/// </summary>
public sealed class SeamCheck(IProcessRunner runner, string ffmpeg, VideoPackets packets)
{
    public const int FramesEachSide = 3;

    public async Task<SeamReport> CheckAsync(
        MediaInfo output, MediaInfo source, IReadOnlyList<double> boundaries, double minSsim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(boundaries);
        var video = source.PrimaryVideo!;
        var joined = await packets.ReadAsync(output.Path, "v:0", cancellationToken);
        var original = await packets.ReadAsync(source.Path, video.Index.ToString(CultureInfo.InvariantCulture), cancellationToken);
        var frameSeconds = video.FrameRate is { IsValid: true } rate ? 1 / rate.Value : 1 / 25.0;
        var duration = output.PrimaryVideo?.DurationSeconds;
        var sourceDuration = video.DurationSeconds ?? source.EffectiveDuration;
        string? problem = null;
        if (joined?.Count != original?.Count)
        {
            problem = Invariant($"the joined output has {joined?.Count} frames, the source {original?.Count}: a seam dropped or duplicated frames");
        }
        else if (duration is { } d && sourceDuration is { } s && Math.Abs(d - s) > frameSeconds + 0.001)
        {
            problem = Invariant($"the joined output lasts {d:0.###} s, the source {s:0.###} s (more than one frame apart)");
        }

        var ssims = new List<double?>();
        var (comparison, _) = QcPasses.PlanComparison(output, source);
        foreach (var boundary in comparison is null ? [] : boundaries)
        {
            var run = await runner.RunAsync(new ProcessRequest(ffmpeg, Arguments(output.Path, source.Path, video.Index, boundary, frameSeconds, comparison!)) { Timeout = TimeSpan.FromMinutes(2) }, null, cancellationToken);
            var ssim = run.Succeeded ? QcLogParser.ParseSsim(run.Stderr) : null;
            ssims.Add(ssim);
            if (problem is null && (ssim is null || ssim < minSsim))
            {
                problem = ssim is null
                    ? Invariant($"the seam at {boundary:0.###} s could not be compared with the source")
                    : Invariant($"the seam at {boundary:0.###} s differs from the source (SSIM {ssim:0.####} < {minSsim:0.####})");
            }
        }

        return new SeamReport(joined?.Count, original?.Count, duration, sourceDuration, ssims, problem);
    }

    /// <summary>The frames either side of a boundary in both files (input seeking to the same time), into ssim.</summary>
    public static IReadOnlyList<string> Arguments(string output, string source, int sourceStream, double boundary, double frameSeconds, QcComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var start = ChunkCommands.Seconds(Math.Max(0, boundary - (FramesEachSide * frameSeconds)));
        var length = ChunkCommands.Seconds(2 * FramesEachSide * frameSeconds);
        var crop = comparison.ActivePicture is { } c
            ? Invariant($"scale={c.DisplayWidth}:{c.DisplayHeight},setsar=1,crop={c.Width}:{c.Height}:{c.X}:{c.Y},")
            : "";
        var prepare = Invariant($"scale={comparison.Width}:{comparison.Height}:flags=bicubic,setsar=1,format=yuv420p,{QcPasses.Blur}");
        var graph = $"[0:v:0]{crop}{prepare}[d];[1:{sourceStream.ToString(CultureInfo.InvariantCulture)}]{prepare}[r];[d][r]ssim=shortest=1";
        return ["-hide_banner", "-nostdin", "-v", "info", "-ss", start, "-t", length, "-i", "file:" + output, "-ss", start, "-t", length, "-i", "file:" + source,
            "-filter_complex", graph, "-f", "null", "-"];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
