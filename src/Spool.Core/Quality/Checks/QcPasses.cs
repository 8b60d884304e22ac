using System.Globalization;
using Spool.Media.Probing;

namespace Spool.Core.Quality.Checks;

/// <summary>
/// How the picture comparison is made: the common size and frame rate, every how-many-th frame is compared, the
/// output's active picture (null: all of it) and the filters the encode ran on the source (stabilise, colour, a
/// subtitle burn), which the reference goes through too, so the output is compared with what it was meant to be.
/// </summary>
public sealed record QcComparison(int Width, int Height, Rational FrameRate, int Step)
{
    /// <summary>The output's picture without the canvas padding, in its display pixels: size and top-left corner.</summary>
    public QcCrop? ActivePicture { get; init; }

    public IReadOnlyList<string> ReferenceFilters { get; init; } = [];

    public bool Equals(QcComparison? other) => other is not null && Width == other.Width && Height == other.Height
        && FrameRate == other.FrameRate && Step == other.Step && ActivePicture == other.ActivePicture
        && ReferenceFilters.SequenceEqual(other.ReferenceFilters);

    public override int GetHashCode() => HashCode.Combine(Width, Height, FrameRate, Step, ActivePicture);
}

/// <summary>A rectangle of the output's display picture: the source fitted into a padded canvas.</summary>
public sealed record QcCrop(int DisplayWidth, int DisplayHeight, int Width, int Height, int X, int Y);

/// <summary>
/// QC's ffmpeg passes, as argument lists (pure). Quick QC reads the output once:
/// <list type="bullet">
/// <item>Check (the usual pass): output and reference in one process. The output's first video stream is split: one
/// branch is decoded in full to "-f null" (integrity: any error-level line counts), the other is compared with the
/// reference. Its first audio stream goes through volumedetect (and ebur128 in full mode) in the same run.
/// For the comparison a padded canvas output is first cropped to its active picture (the source fitted into the
/// canvas, centred, as the planner pads), the reference goes through the encode's own source filters, and both are
/// brought to half the compared picture's size in square pixels and lightly blurred
/// (scale=W:H:flags=bicubic,setsar=1,format=yuv420p,gblur=sigma=0.7; ffmpeg has already applied the reference's
/// rotation). Grain and film noise cannot be compressed: at full size they cost a correct CRF 28 encode a third of
/// its SSIM, while at half size and slightly blurred they vanish and a wrong, truncated or blocky picture still
/// stands out (the calibration table in README.md, bench/qc-calibration.sh). Both are brought to the
/// output's frame rate with fps (the same frame choice the encode's fps filter made, so the same source frames meet),
/// then every Step-th slot of that frame grid is taken (select on pts, which after fps counts grid slots from the
/// file's start), into ssim (and psnr, and libvmaf when present, in full mode), which pairs frames by time. Counting
/// frames instead would shift the pairs by one wherever the encode filled a slot the source left empty (a Matroska
/// video that starts 23 ms after its audio gets its first frame twice). Selecting before scaling means only the
/// sampled frames are scaled and compared.</item>
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

    /// <summary>The blur both pictures get after halving, in pixels of the compared size: it takes grain out, not shapes.</summary>
    public const string Blur = "gblur=sigma=0.7";

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
            Prepare("[sample]", Crop(comparison.ActivePicture), comparison, metrics.Count == 1 ? "[d0]" : Split("d", metrics.Count)),
            Prepare("[1:v:0]" + string.Concat(comparison.ReferenceFilters.Select(f => f + ",")), "", comparison, metrics.Count == 1 ? "[r0]" : Split("r", metrics.Count)),
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
    /// The comparison for this output and reference, or why there is none (a missing video stream). An output whose
    /// aspect differs by more than 2 % is a padded canvas: its active picture is the reference fitted into it, centred
    /// (what the planner's pad makes), and only that is compared, so a canvas of the wrong picture fails.
    /// </summary>
    public static (QcComparison? Comparison, string? Error) PlanComparison(MediaInfo output, MediaInfo reference, IReadOnlyList<string>? referenceFilters = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(reference);
        if (output.PrimaryVideo is not { } outVideo || reference.PrimaryVideo is not { } refVideo)
        {
            return (null, output.PrimaryVideo is null ? "the output has no video stream" : "the reference has no video stream");
        }

        var refAspect = (double)refVideo.DisplayWidth / refVideo.DisplayHeight;
        var active = ActivePicture(outVideo.DisplayWidth, outVideo.DisplayHeight, refAspect);

        // Compared at half the smaller of the two pictures: never upscaled past the source, and halved with a blur so
        // grain does not count (see the class comment).
        var (width, height) = active is { } a && a.Width < refVideo.DisplayWidth ? (a.Width, a.Height) : (refVideo.DisplayWidth, refVideo.DisplayHeight);
        var rate = outVideo.FrameRate is { IsValid: true } own ? own : refVideo.FrameRate ?? new Rational(25, 1);
        var frames = outVideo.FrameCount ?? (long)Math.Round((output.EffectiveDuration ?? 0) * rate.Value);
        var step = (int)Math.Max(1, Math.Round((double)frames / TargetSampledFrames));
        return (new QcComparison(Even(width / 2), Even(height / 2), rate, step) { ActivePicture = active, ReferenceFilters = referenceFilters ?? [] }, null);
    }

    /// <summary>The reference's aspect fitted into a canvas of this display size, centred; null when it fills it.</summary>
    public static QcCrop? ActivePicture(int canvasWidth, int canvasHeight, double referenceAspect)
    {
        var canvasAspect = (double)canvasWidth / canvasHeight;
        if (Math.Abs((canvasAspect / referenceAspect) - 1) <= MaxAspectDifference)
        {
            return null;
        }

        var (width, height) = referenceAspect > canvasAspect
            ? (canvasWidth, Math.Min(canvasHeight, Even((int)Math.Round(canvasWidth / referenceAspect))))
            : (Math.Min(canvasWidth, Even((int)Math.Round(canvasHeight * referenceAspect))), canvasHeight);
        return new QcCrop(canvasWidth, canvasHeight, width, height, (canvasWidth - width) / 2, (canvasHeight - height) / 2);
    }

    private static string Crop(QcCrop? crop) => crop is null ? "" : string.Create(
        CultureInfo.InvariantCulture,
        $"scale={crop.DisplayWidth}:{crop.DisplayHeight},setsar=1,crop={crop.Width}:{crop.Height}:{crop.X}:{crop.Y},");

    // The reference's own filters come before fps (vidstabtransform counts every frame); the crop after select, so
    // that only sampled frames are cropped.
    private static string Prepare(string input, string crop, QcComparison c, string outputs) => string.Create(
        CultureInfo.InvariantCulture,
        $"{input}fps={c.FrameRate},select='not(mod(pts\\,{c.Step}))',{crop}scale={c.Width}:{c.Height}:flags=bicubic,setsar=1,format=yuv420p,{Blur}{outputs}");

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
