using System.Globalization;
using Spool.Media.Probing;

namespace Spool.Core.Quality.Checks;

/// <summary>How the picture comparison is made: the common size and frame rate, and every how-many-th frame is compared.</summary>
public sealed record QcComparison(int Width, int Height, Rational FrameRate, int Step);

/// <summary>
/// QC's ffmpeg passes, as argument lists (pure). Quick QC reads the output once:
/// <list type="bullet">
/// <item>Check (the usual pass): output and reference in one process. The output's first video stream is split: one
/// branch is decoded in full to "-f null" (integrity: any error-level line counts), the other is compared with the
/// reference. Its first audio stream goes through volumedetect (and ebur128 in full mode) in the same run.
/// For the comparison both pictures are brought to the reference's display size in square pixels
/// (scale=W:H:flags=bicubic,setsar=1,format=yuv420p; ffmpeg has already applied the reference's rotation) and to the
/// output's frame rate with fps (the same frame choice the encode's fps filter made, so the same source frames meet),
/// then every Step-th frame of each is taken (select on the frame index after fps), renumbered with
/// setpts=N/FRAME_RATE/TB so the k-th sample of one meets the k-th of the other, into ssim (and psnr, and libvmaf when
/// present, in full mode). Selecting before scaling means only the sampled frames are scaled and compared.</item>
/// <item>Decode: the output alone, decoded in full with the same meters. It runs when there is nothing to compare
/// with, and when the check pass logged errors, to tell the output's errors from the reference's.</item>
/// </list>
/// </summary>
public static class QcPasses
{
    /// <summary>About this many frames are compared: Step = max(1, round(frames / 45)), so 30 to 70 of them.</summary>
    public const int TargetSampledFrames = 45;

    /// <summary>Outputs whose display aspect differs from the reference's by more than this are padded canvases.</summary>
    public const double MaxAspectDifference = 0.02;

    public const string CanvasSkipped = "canvas output: not comparable";

    private const string StatsPeriodSeconds = "0.25";

    public static IReadOnlyList<string> DecodeArguments(string output, bool hasAudio, QcMode mode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(output);
        List<string> arguments = [.. Common(), "-i", "file:" + output];
        if (hasAudio)
        {
            arguments.AddRange(["-filter_complex", Meters(mode), "-map", "0:v?", "-map", "[meters]"]);
        }
        else
        {
            arguments.AddRange(["-map", "0:v?"]);
        }

        arguments.AddRange(["-f", "null", "-"]);
        return arguments;
    }

    public static IReadOnlyList<string> CheckArguments(
        string output, bool hasAudio, string reference, QcComparison comparison, QcMode mode, bool withVmaf)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(output);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        ArgumentNullException.ThrowIfNull(comparison);
        var metrics = new List<string> { "ssim" };
        if (mode == QcMode.Full)
        {
            metrics.Add("psnr");
            if (withVmaf)
            {
                metrics.Add("libvmaf");
            }
        }

        var graph = new List<string>
        {
            "[0:v:0]split=2[whole][sample]",
            Prepare("[sample]", comparison, metrics.Count == 1 ? "[d0]" : Split("d", metrics.Count)),
            Prepare("[1:v:0]", comparison, metrics.Count == 1 ? "[r0]" : Split("r", metrics.Count)),
        };
        for (var i = 0; i < metrics.Count; i++)
        {
            // The distorted picture first, the reference second: the order ssim, psnr and libvmaf all expect.
            graph.Add($"[d{i}][r{i}]{metrics[i]}=shortest=1[m{i}]");
        }

        if (hasAudio)
        {
            graph.Add(Meters(mode));
        }

        List<string> arguments = [.. Common(), "-i", "file:" + output, "-i", "file:" + reference];
        arguments.AddRange(["-filter_complex", string.Join(';', graph), "-map", "[whole]"]);
        if (hasAudio)
        {
            arguments.AddRange(["-map", "[meters]"]);
        }

        arguments.AddRange(["-f", "null", "-"]);
        for (var i = 0; i < metrics.Count; i++)
        {
            arguments.AddRange(["-map", $"[m{i}]", "-f", "null", "-"]);
        }

        return arguments;
    }

    /// <summary>
    /// The comparison for this output and reference, or why there is none: a padded canvas (aspect off by more than
    /// 2 %) is skipped on purpose; a missing video stream is an error.
    /// </summary>
    public static (QcComparison? Comparison, string? Skipped, string? Error) PlanComparison(MediaInfo output, MediaInfo reference)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(reference);
        if (output.PrimaryVideo is not { } outVideo || reference.PrimaryVideo is not { } refVideo)
        {
            return (null, null, output.PrimaryVideo is null ? "the output has no video stream" : "the reference has no video stream");
        }

        var outAspect = (double)outVideo.DisplayWidth / outVideo.DisplayHeight;
        var refAspect = (double)refVideo.DisplayWidth / refVideo.DisplayHeight;
        if (Math.Abs((outAspect / refAspect) - 1) > MaxAspectDifference)
        {
            return (null, CanvasSkipped, null);
        }

        var rate = outVideo.FrameRate is { IsValid: true } own ? own : refVideo.FrameRate ?? new Rational(25, 1);
        var frames = outVideo.FrameCount ?? (long)Math.Round((output.EffectiveDuration ?? 0) * rate.Value);
        var step = (int)Math.Max(1, Math.Round((double)frames / TargetSampledFrames));
        return (new QcComparison(Even(refVideo.DisplayWidth), Even(refVideo.DisplayHeight), rate, step), null, null);
    }

    private static string Prepare(string input, QcComparison c, string outputs) => string.Create(
        CultureInfo.InvariantCulture,
        $"{input}fps={c.FrameRate},select='not(mod(n\\,{c.Step}))',scale={c.Width}:{c.Height}:flags=bicubic,setsar=1,format=yuv420p,setpts=N/FRAME_RATE/TB{outputs}");

    private static string Meters(QcMode mode) =>
        mode == QcMode.Full ? "[0:a:0]volumedetect,ebur128=peak=true[meters]" : "[0:a:0]volumedetect[meters]";

    private static string Split(string prefix, int count) =>
        $",split={count}" + string.Concat(Enumerable.Range(0, count).Select(i => $"[{prefix}{i}]"));

    // yuv420p wants even sizes; a display width like 853 (anamorphic 720x480) loses one column.
    private static int Even(int size) => Math.Max(2, size - (size % 2));

    // Progress lines four times a second keep the stall watchdog fed and give decode errors an approximate position.
    private static string[] Common() =>
        ["-hide_banner", "-nostdin", "-v", "level+info", "-stats_period", StatsPeriodSeconds];
}
