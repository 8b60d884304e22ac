using System.Globalization;
using System.Text.RegularExpressions;
using Spool.Media.Errors;
using Spool.Media.Probing;

namespace Spool.Core.Validation;

/// <summary>
/// The quick health check: pure rules over what the probe saw and the file's size on disk. Every rule that fires adds
/// a problem; the first rule that fires (the most fundamental) decides the status.
/// </summary>
public static partial class QuickValidation
{
    /// <summary>A file holding less than this share of what its duration and bit rate claim has lost its tail.</summary>
    public const double MinimumSizeShare = 0.5;

    // What ffprobe says on stderr when the container points past the data it has (Prober keeps these as warnings).
    private static readonly string[] DamageSigns =
    [
        "partial file", "Truncating packet", "File ended prematurely", "moov atom not found", "error reading header",
        "Invalid data found", "invalid stream", "corrupt", "truncated",
    ];

    public static ValidationResult Check(MediaInfo media, long fileBytes)
    {
        ArgumentNullException.ThrowIfNull(media);
        var found = new List<(ErrorCategory Category, string Problem)>();
        Streams(media, found);
        Duration(media, fileBytes, found);
        Damage(media, fileBytes, found);
        return found.Count == 0
            ? ValidationResult.Ok()
            : ValidationResult.Failed(found[0].Category, found.Select(f => f.Problem).ToList());
    }

    private static void Streams(MediaInfo media, List<(ErrorCategory, string)> found)
    {
        if (media.IsStillImage)
        {
            found.Add((ErrorCategory.NotAVideo, $"a still image ({media.FormatName}), not moving video"));
            return;
        }

        if (media.PrimaryVideo is { } video)
        {
            if (video.Width <= 0 || video.Height <= 0)
            {
                found.Add((ErrorCategory.InputCorrupt, Invariant($"video stream {video.Index} has no picture size ({video.Width}x{video.Height})")));
            }

            return;
        }

        var droppedVideo = media.Warnings.FirstOrDefault(w => w.Contains("has no picture size", StringComparison.Ordinal));
        if (droppedVideo is not null)
        {
            found.Add((ErrorCategory.InputCorrupt, droppedVideo.TrimEnd('.', ' ').Replace("; dropped", "", StringComparison.Ordinal)));
        }
        else if (media.AudioStreams.Count > 0)
        {
            found.Add((ErrorCategory.NoVideoStream, Invariant($"no video stream ({media.AudioStreams.Count} audio stream(s) only)")));
        }
        else
        {
            found.Add((ErrorCategory.NotAVideo, Invariant($"no audio or video stream ({media.SubtitleStreamCount} subtitle stream(s))")));
        }
    }

    private static void Duration(MediaInfo media, long fileBytes, List<(ErrorCategory, string)> found)
    {
        if (fileBytes <= 0)
        {
            found.Add((ErrorCategory.InputCorrupt, "empty file (0 bytes)"));
            return;
        }

        if (media.EffectiveDuration is not { } duration || duration <= 0)
        {
            found.Add((ErrorCategory.InputCorrupt, "no plausible duration (the container and its streams give none)"));
            return;
        }

        if (media.BitRate is { } bitRate && bitRate > 0 && fileBytes < MinimumSizeShare * duration * bitRate / 8)
        {
            found.Add((ErrorCategory.InputCorrupt, Truncated(fileBytes, duration, bitRate)));
        }
    }

    private static void Damage(MediaInfo media, long fileBytes, List<(ErrorCategory, string)> found)
    {
        var damage = media.Warnings
            .Where(w => w.StartsWith("ffprobe:", StringComparison.Ordinal))
            .Where(w => Array.Exists(DamageSigns, sign => w.Contains(sign, StringComparison.OrdinalIgnoreCase)))
            .Select(w => LogPointer().Replace(w["ffprobe:".Length..].Trim(), "]"))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (damage.Count == 0)
        {
            return;
        }

        // ffprobe derives the container's bit rate from the file size when the header gives none, so a truncated
        // MP4 looks self-consistent; its index pointing past the end ("partial file") is the evidence instead.
        var claim = media.EffectiveDuration is { } duration
            ? Invariant($"truncated: {fileBytes} bytes for a claimed {duration:0.###} s; ")
            : "";
        found.Add((ErrorCategory.InputCorrupt, $"{claim}ffprobe reports damage: {string.Join(" | ", damage.Take(3))}"));
    }

    public static string Truncated(long fileBytes, double durationSeconds, long bitRate) =>
        Invariant($"truncated: {fileBytes} bytes for a claimed {durationSeconds:0.###} s at {bitRate / 1000.0:0.#} kb/s (expected about {(long)(durationSeconds * bitRate / 8)} bytes)");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@" @ 0x[0-9a-f]+\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LogPointer();
}
