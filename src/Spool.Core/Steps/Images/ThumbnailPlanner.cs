using System.Globalization;
using Spool.Media.Probing;

namespace Spool.Core.Steps.Images;

/// <summary>A stretch of the video the thumbnail filter chooses one picture from: seek to Start, read Length seconds.</summary>
/// <param name="Start">Where the input seek lands, in seconds.</param>
/// <param name="Length">How much is read after it ("-t").</param>
/// <param name="Frames">The thumbnail filter's batch size: about the frames in the window, 2 to 100.</param>
public sealed record ThumbnailWindow(double Start, double Length, int Frames)
{
    public double Center => Start + (Length / 2);
}

/// <summary>
/// Where thumbnails come from, as pure functions. N points are spread over the video at (i + 0.5) / N of its duration,
/// so neither the first frame (often black or a title fade) nor the last is a point. Around each point a window of
/// at most 2 s (less when N windows would overlap) is read with an input seek, so the cost depends on N and the
/// keyframe spacing, never on the video's length; ffmpeg's thumbnail filter picks the frame whose colour histogram
/// is closest to the window's average (the most representative one, not a flash or a cut). When that frame is blank
/// (see <see cref="PictureLevels.IsBlank"/>), the next windows are tried in the order one window later, one earlier,
/// two later, two earlier, three later, three earlier: the nearest better picture wins, and a video that is blank
/// everywhere near the point keeps the first choice.
/// </summary>
public static class ThumbnailPlanner
{
    public const double MaxWindowSeconds = 2;

    /// <summary>Thumbnails fit within this many pixels on their long side (never upscaled).</summary>
    public const int LongSide = 640;

    /// <summary>How many windows on each side of the point are tried when its picture is blank.</summary>
    public const int NearbySteps = 3;

    public const int JpegQuality = 3;

    // The filter keeps its whole batch in memory; scaling first makes that ~100 small frames, not 100 4K ones.
    private const int MinBatch = 2;
    private const int MaxBatch = 100;

    /// <summary>The N points, in seconds: (i + 0.5) * duration / N.</summary>
    /// <summary>For each of <paramref name="count"/> pictures, its windows in the order they are tried; and the picture size.</summary>
    public static (IReadOnlyList<IReadOnlyList<ThumbnailWindow>> Points, (int Width, int Height) Size) ForSource(MediaInfo source, VideoStreamInfo video, int count)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(video);
        var frame = StillImages.FrameSeconds(source);
        IReadOnlyList<IReadOnlyList<ThumbnailWindow>> points = StillImages.VideoDuration(source) is { } d
            ? [.. Points(d, count).Select(p => Candidates(p, d, WindowLength(d, count, frame), frame))]
            : [[FromStart(frame)]];
        return (points, StillImages.FitWithin(video.DisplayWidth, video.DisplayHeight, LongSide, LongSide));
    }

    /// <summary>&lt;output&gt;/&lt;name&gt;/thumbnails/&lt;stem&gt;_01.jpg for the first picture.</summary>
    public static string PicturePath(string outputFolder, string stem, int index) =>
        Path.Combine(outputFolder, "thumbnails", string.Create(CultureInfo.InvariantCulture, $"{stem}_{index + 1:00}.jpg"));

    public static IReadOnlyList<double> Points(double duration, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return [.. Enumerable.Range(0, count).Select(i => (i + 0.5) * duration / count)];
    }

    /// <summary>The window length for N thumbnails: 2 s, or the point's share of the video when that is shorter.</summary>
    public static double WindowLength(double duration, int count, double frameSeconds) =>
        Math.Max(frameSeconds, Math.Min(MaxWindowSeconds, duration / count));

    /// <summary>
    /// The windows tried for one point, best first: the point itself, then the nearby ones. Windows whose centre
    /// falls outside the video are left out; each window is kept inside it and starts early enough to hold a frame.
    /// </summary>
    public static IReadOnlyList<ThumbnailWindow> Candidates(double point, double duration, double length, double frameSeconds)
    {
        var windows = new List<ThumbnailWindow>();
        double[] offsets = [0, .. Enumerable.Range(1, NearbySteps).SelectMany(k => new[] { k * length, -k * length })];
        foreach (var center in offsets.Select(offset => point + offset))
        {
            if (center < 0 || center > duration)
            {
                continue;
            }

            var latest = Math.Min(duration - length, StillImages.LastSeekable(duration, frameSeconds));
            var start = Math.Round(Math.Max(0, Math.Min(center - (length / 2), latest)), 3);
            if (windows.TrueForAll(w => w.Start != start))
            {
                windows.Add(new ThumbnailWindow(start, length, Batch(length, frameSeconds)));
            }
        }

        return windows;
    }

    /// <summary>The one window of a video whose duration is unknown: from the start.</summary>
    public static ThumbnailWindow FromStart(double frameSeconds) => new(0, MaxWindowSeconds, Batch(MaxWindowSeconds, frameSeconds));

    /// <summary>
    /// One window to one JPEG. The input seek ("-ss" before "-i") decodes from the keyframe before Start only. The
    /// chosen frame is measured (signalstats, printed by the metadata filter) in the same run, at the size it is saved.
    /// </summary>
    public static IReadOnlyList<string> Arguments(
        string input, int streamIndex, ThumbnailWindow window, (int Width, int Height) size, int threads, string output)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        ArgumentNullException.ThrowIfNull(window);
        var c = CultureInfo.InvariantCulture;
        List<string> arguments = [.. StillImages.Head("info")];
        if (threads > 0)
        {
            arguments.AddRange(["-threads", threads.ToString(c)]);
        }

        arguments.AddRange(
        [
            "-ss", StillImages.Seconds(window.Start), "-t", StillImages.Seconds(window.Length), "-i", "file:" + input,
            "-map", string.Create(c, $"0:{streamIndex}"),
            "-vf", string.Create(c, $"{StillImages.Scale(size)},format=yuv420p,thumbnail=n={window.Frames},signalstats,metadata=mode=print"),
        ]);
        arguments.AddRange(StillImages.SinglePicture(output, JpegQuality));
        return arguments;
    }

    private static int Batch(double length, double frameSeconds) =>
        Math.Clamp((int)Math.Round(length / frameSeconds), MinBatch, MaxBatch);
}
