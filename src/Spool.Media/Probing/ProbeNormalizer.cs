using System.Globalization;
using Spool.Media.Errors;

namespace Spool.Media.Probing;

/// <summary>
/// Turns ffprobe's raw output into <see cref="MediaInfo"/>: pure, no I/O. Values that cannot be right become null (or
/// the stream is dropped) with a line in <see cref="MediaInfo.Warnings"/>, so later stages never see nonsense.
/// </summary>
public static class ProbeNormalizer
{
    /// <summary>Larger than any real video's width or height (and the limit of most encoders).</summary>
    public const int MaxDimension = 16384;

    /// <summary>A week: anything longer is a broken header, not a recording.</summary>
    public const double MaxDurationSeconds = 7 * 24 * 3600;

    /// <summary>Above this, a "frame rate" is a container time base leaking through (1000/1, 90000/1), not a rate.</summary>
    public const double MaxPlausibleFrameRate = 500;

    // Codecs that are usually a single picture; with one frame or no duration they are an image, not a video.
    private static readonly string[] PictureCodecs = ["gif", "png", "apng", "mjpeg", "jpeg2000", "webp", "bmp", "tiff"];

    public static ProbeOutcome Normalize(FfprobeOutput raw, string path)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(path);

        var streams = raw.Streams ?? [];
        if (streams.Count == 0)
        {
            return Fail(ErrorCategory.InputCorrupt, $"{Path.GetFileName(path)} has no audio or video streams.");
        }

        var warnings = new List<string>();
        var format = raw.Format ?? new FfprobeFormat();
        var formatName = string.IsNullOrWhiteSpace(format.FormatName) ? "unknown" : format.FormatName;
        var duration = ProbeValues.Duration(format.Duration, "format", warnings);

        // Attached pictures (cover art) are typed "video" by ffprobe but are one still frame beside the real content.
        var pictures = streams.Where(s => IsKind(s, "video") && s.Disposition?.AttachedPic != 1).ToList();
        var video = new List<VideoStreamInfo>();
        string? absurd = null;
        foreach (var stream in pictures)
        {
            var width = stream.Width ?? 0;
            var height = stream.Height ?? 0;
            if (width <= 0 || height <= 0)
            {
                warnings.Add(Invariant($"video stream {stream.Index} has no picture size ({width}x{height}); dropped."));
            }
            else if (width > MaxDimension || height > MaxDimension)
            {
                absurd ??= Invariant($"video stream {stream.Index} claims {width}x{height} pixels, more than {MaxDimension} on a side");
                warnings.Add(absurd + "; dropped.");
            }
            else
            {
                video.Add(ToVideo(stream, width, height, warnings));
            }
        }

        if (video.Count == 0 && absurd is not null)
        {
            return Fail(ErrorCategory.InputCorrupt, $"{Path.GetFileName(path)}: {absurd}.");
        }

        var audio = streams.Where(s => IsKind(s, "audio")).Select(s => ToAudio(s, warnings)).ToList();
        var media = new MediaInfo(
            path,
            formatName,
            duration,
            ProbeValues.ParseLong(format.Size) is { } size and >= 0 ? size : null,
            ProbeValues.ParseLong(format.BitRate) is { } bitRate and > 0 ? bitRate : null,
            video,
            audio,
            streams.Count(s => IsKind(s, "subtitle")),
            warnings)
        {
            IsStillImage = IsStillImage(formatName, pictures, duration),
            SubtitleStreams = streams.Where(s => IsKind(s, "subtitle"))
                .Select(s => new SubtitleStreamInfo(s.Index, CodecName(s), ProbeValues.Language(s.Tags)))
                .ToList(),
        };
        return new ProbeOutcome.Probed(media);
    }

    private static VideoStreamInfo ToVideo(FfprobeStreamEntry stream, int width, int height, List<string> warnings)
    {
        var what = Invariant($"video stream {stream.Index}");
        var real = Rational.Parse(stream.RFrameRate);
        var average = Rational.Parse(stream.AvgFrameRate);
        var frameRate = Plausible(average) ?? Plausible(real);
        if (frameRate is null)
        {
            warnings.Add($"{what} has no usable frame rate (r_frame_rate {stream.RFrameRate ?? "absent"}, avg_frame_rate {stream.AvgFrameRate ?? "absent"}).");
        }

        var sampleAspect = ProbeValues.SampleAspect(stream.SampleAspectRatio, stream.DisplayAspectRatio, width, height);
        if (sampleAspect.Value is < 1.0 / 16 or > 16)
        {
            warnings.Add($"{what} sample aspect ratio {sampleAspect} is implausible; treated as 1:1.");
            sampleAspect = Rational.One;
        }

        return new VideoStreamInfo(
            stream.Index,
            CodecName(stream),
            width,
            height,
            sampleAspect,
            string.IsNullOrWhiteSpace(stream.PixFmt) ? null : stream.PixFmt,
            ProbeValues.BitDepth(stream.BitsPerRawSample, stream.PixFmt),
            frameRate,
            ProbeValues.IsVariableFrameRate(real, average),
            ProbeValues.Rotation(stream),
            ProbeValues.IsInterlaced(stream.FieldOrder),
            stream.ColorTransfer,
            stream.ColorPrimaries,
            ProbeValues.IsHdrTransfer(stream.ColorTransfer),
            ProbeValues.Duration(stream.Duration, what, warnings),
            ProbeValues.ParseLong(stream.NbFrames) is { } frames and >= 0 ? frames : null)
        {
            BitRate = ProbeValues.BitRate(stream.BitRate),
            Profile = ProbeValues.Text(stream.Profile),
            Level = ProbeValues.Level(stream.CodecName, stream.Level),
            ColorMatrix = ProbeValues.Text(stream.ColorSpace),
            Language = ProbeValues.Language(stream.Tags),
        };
    }

    private static AudioStreamInfo ToAudio(FfprobeStreamEntry stream, List<string> warnings) => new(
        stream.Index,
        CodecName(stream),
        Math.Max(0, stream.Channels ?? 0),
        ProbeValues.ParseLong(stream.SampleRate) is { } rate and > 0 and <= int.MaxValue ? (int)rate : 0,
        string.IsNullOrWhiteSpace(stream.ChannelLayout) ? null : stream.ChannelLayout,
        ProbeValues.Duration(stream.Duration, Invariant($"audio stream {stream.Index}"), warnings))
    {
        BitRate = ProbeValues.BitRate(stream.BitRate),
        Profile = ProbeValues.Text(stream.Profile),
        Language = ProbeValues.Language(stream.Tags),
        BitsPerSample = new[] { stream.BitsPerSample, (int?)ProbeValues.ParseLong(stream.BitsPerRawSample) }.Max() is { } bits and > 0 ? bits : null,
    };

    private static bool IsStillImage(string formatName, List<FfprobeStreamEntry> pictures, double? formatDuration)
    {
        // image2 and the *_pipe demuxers (png_pipe, jpeg_pipe, webp_pipe...) read exactly one picture per file.
        if (formatName.Split(',').Any(name => name == "image2" || name.EndsWith("_pipe", StringComparison.Ordinal)))
        {
            return true;
        }

        // A GIF or PNG can also animate: it is still only with one frame or no duration at all.
        // A one-frame H.264 or AV1 file is still a video: only picture codecs count here.
        return pictures.Any(s => PictureCodecs.Contains(s.CodecName, StringComparer.OrdinalIgnoreCase) && IsOneFrame(s, formatDuration));
    }

    private static bool IsOneFrame(FfprobeStreamEntry stream, double? formatDuration)
    {
        // Warnings about this duration were already given when the stream itself was read.
        var duration = ProbeValues.Duration(stream.Duration, "", []) ?? formatDuration;
        return duration is null || ProbeValues.ParseLong(stream.NbFrames) is <= 1;
    }

    private static Rational? Plausible(Rational? rate) =>
        rate is { } r && r.Value <= MaxPlausibleFrameRate ? r : null;

    private static bool IsKind(FfprobeStreamEntry stream, string kind) =>
        string.Equals(stream.CodecType, kind, StringComparison.OrdinalIgnoreCase);

    private static string CodecName(FfprobeStreamEntry stream) =>
        string.IsNullOrWhiteSpace(stream.CodecName) ? "unknown" : stream.CodecName;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static ProbeOutcome.Failed Fail(ErrorCategory category, string message) =>
        new(MediaError.Of(category, message));
}
