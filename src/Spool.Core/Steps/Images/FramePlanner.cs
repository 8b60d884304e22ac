using System.Globalization;
using Spool.Media.Probing;

namespace Spool.Core.Steps.Images;

/// <summary>
/// "spool frames" as pure functions: which times, which files, which ffmpeg arguments. Every frame is taken with an
/// input seek ("-ss T" before "-i"): ffmpeg jumps to the keyframe before T and decodes only from there, so the cost
/// grows with the number of frames (and the keyframe spacing), never with the video's length. Up to
/// <see cref="FramesPerProcess"/> frames share one ffmpeg: each is its own seeked input mapped to its own output,
/// which saves a process start and a probe per frame (about four times cheaper than one process each).
/// </summary>
public static class FramePlanner
{
    public const int FramesPerProcess = 10;

    public const int JpegQuality = 2;

    /// <summary>
    /// --count N: (i + 0.5) * duration / N, the middle of each of N equal parts. --every S: 0, S, 2S ... below the
    /// duration. Times are held at least two frames before the end (a later seek finds no frame). Without a
    /// duration only the first frame can be placed: [0].
    /// </summary>
    public static IReadOnlyList<double> Times(FrameSelection selection, double? duration, double frameSeconds)
    {
        ArgumentNullException.ThrowIfNull(selection);
        if (duration is not { } d)
        {
            return [0];
        }

        var last = StillImages.LastSeekable(d, frameSeconds);
        IEnumerable<double> times = selection.Count is { } n
            ? Enumerable.Range(0, n).Select(i => (i + 0.5) * d / n)
            : Enumerable.Range(0, (int)Math.Min(int.MaxValue, Math.Ceiling(d / selection.EverySeconds!.Value))).Select(i => i * selection.EverySeconds.Value);
        return [.. times.Where(t => t < d).Select(t => Math.Round(Math.Min(t, last), 3))];
    }

    /// <summary>The frames of <paramref name="source"/>: times, numbers and final paths (&lt;stem&gt;_0001.jpg ...).</summary>
    public static IReadOnlyList<PlannedFrame> Plan(MediaInfo source, string stem, FrameRequest request)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(stem);
        ArgumentNullException.ThrowIfNull(request);
        var extension = request.Format == FrameFormat.Png ? "png" : "jpg";
        var times = Times(request.Selection, StillImages.VideoDuration(source), StillImages.FrameSeconds(source));
        return [.. times.Select((t, i) => new PlannedFrame(
            i + 1, t, Path.Combine(request.OutputFolder, string.Create(CultureInfo.InvariantCulture, $"{stem}_{i + 1:0000}.{extension}"))))];
    }

    /// <summary>The size frames are saved at: the display size (square pixels), fitted within MaxSize when given.</summary>
    public static (int Width, int Height) Size(VideoStreamInfo video, (int Width, int Height)? maxSize)
    {
        ArgumentNullException.ThrowIfNull(video);
        var (w, h) = maxSize ?? (video.DisplayWidth, video.DisplayHeight);
        return StillImages.FitWithin(video.DisplayWidth, video.DisplayHeight, w, h);
    }

    /// <summary>
    /// One ffmpeg for a chunk of frames: each frame is "-ss T -i file:VIDEO", mapped as "-map k:STREAM" to its own
    /// output of one picture, written to its ".partial" name.
    /// </summary>
    public static IReadOnlyList<string> Arguments(
        string input, int streamIndex, IReadOnlyList<PlannedFrame> chunk, (int Width, int Height) size, FrameRequest request)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        ArgumentNullException.ThrowIfNull(chunk);
        ArgumentNullException.ThrowIfNull(request);
        var c = CultureInfo.InvariantCulture;
        List<string> arguments = [.. StillImages.Head("error")];
        foreach (var frame in chunk)
        {
            if (request.DecoderThreads is { } threads)
            {
                arguments.AddRange(["-threads", threads.ToString(c)]);
            }

            arguments.AddRange(["-ss", StillImages.Seconds(frame.Time), "-i", "file:" + input]);
        }

        int? quality = request.Format == FrameFormat.Jpg ? JpegQuality : null;
        for (var k = 0; k < chunk.Count; k++)
        {
            arguments.AddRange(["-map", string.Create(c, $"{k}:{streamIndex}"), "-vf", StillImages.Scale(size)]);
            arguments.AddRange(StillImages.SinglePicture(Placement.FilePlacer.Unfenced.PartialFor(chunk[k].Path), quality));
        }

        return arguments;
    }
}
