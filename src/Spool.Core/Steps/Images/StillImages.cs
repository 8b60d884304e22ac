using System.Globalization;
using Spool.Media.Probing;

namespace Spool.Core.Steps.Images;

/// <summary>
/// What thumbnails, sprites and extracted frames share: the timeline a picture may be taken from, picture sizes in
/// display terms, and the ffmpeg tokens every still-image run starts and ends with.
/// </summary>
public static class StillImages
{
    /// <summary>Frame rate assumed when the probe knows none: a frame lasts 40 ms.</summary>
    private const double FallbackFrameRate = 25;

    /// <summary>
    /// How long the picture lasts: the video stream's own duration when known, else the file's. The container's
    /// figure may count a longer audio track, and a seek past the last frame gives no picture at all.
    /// </summary>
    public static double? VideoDuration(MediaInfo source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var duration = source.PrimaryVideo?.DurationSeconds ?? source.EffectiveDuration;
        return duration is > 0 ? duration : null;
    }

    /// <summary>How long one frame lasts (1 / frame rate), 40 ms when the rate is unknown.</summary>
    public static double FrameSeconds(MediaInfo source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var rate = source.PrimaryVideo?.FrameRate is { IsValid: true } known ? known.Value : FallbackFrameRate;
        return 1 / rate;
    }

    /// <summary>
    /// The latest time a seek still lands on a frame: two frames before the end. An accurate input seek drops every
    /// frame before the requested time, so a time past the last frame's timestamp writes no picture.
    /// </summary>
    public static double LastSeekable(double duration, double frameSeconds) => Math.Max(0, duration - (2 * frameSeconds));

    /// <summary>
    /// The largest even size within maxWidth x maxHeight with the display aspect of width x height, never larger than
    /// the display size itself (no upscaling). Display size means square pixels and rotation applied, which is
    /// what ffmpeg's filters see after its automatic rotation once the sample aspect is squared.
    /// </summary>
    public static (int Width, int Height) FitWithin(int displayWidth, int displayHeight, int maxWidth, int maxHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(displayWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(displayHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxHeight);
        var scale = Math.Min(1, Math.Min((double)maxWidth / displayWidth, (double)maxHeight / displayHeight));
        // Nearest even size, but never past the box or the display size (an odd 853 becomes 852, not 854).
        return (Math.Min(Even(displayWidth * scale), FloorEven(Math.Min(maxWidth, displayWidth))),
            Math.Min(Even(displayHeight * scale), FloorEven(Math.Min(maxHeight, displayHeight))));
    }

    /// <summary>The height of a picture <paramref name="width"/> wide with the display aspect (even, at least 2).</summary>
    public static int HeightFor(int width, int displayWidth, int displayHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(displayWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(displayHeight);
        return Even((double)width * displayHeight / displayWidth);
    }

    /// <summary>A time for "-ss"/"-t": seconds with millisecond precision, invariant culture ("12.5", "0").</summary>
    public static string Seconds(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>"scale=W:H,setsar=1": the exact display-shaped size, square pixels (JPEG viewers ignore a sample aspect).</summary>
    public static string Scale((int Width, int Height) size) =>
        string.Create(CultureInfo.InvariantCulture, $"scale={size.Width}:{size.Height},setsar=1");

    /// <summary>Options every still-image run starts with: quiet, no keyboard, overwrite the partial file.</summary>
    public static IReadOnlyList<string> Head(string logLevel) => ["-hide_banner", "-nostdin", "-nostats", "-v", logLevel, "-y"];

    /// <summary>
    /// One picture to one file. "-update 1" makes the image2 muxer take the name literally, so a '%' in a folder
    /// name is never read as a frame-number pattern; JPEG quality is the qscale (2 best ... 31 worst).
    /// </summary>
    public static IReadOnlyList<string> SinglePicture(string path, int? jpegQuality) =>
        jpegQuality is { } q
            ? ["-frames:v", "1", "-q:v", q.ToString(CultureInfo.InvariantCulture), "-update", "1", "file:" + path]
            : ["-frames:v", "1", "-update", "1", "file:" + path];

    public static int Even(double value) => Math.Max(2, (int)Math.Round(value / 2, MidpointRounding.AwayFromZero) * 2);

    private static int FloorEven(int value) => Math.Max(2, value - (value % 2));
}
