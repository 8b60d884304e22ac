using Spool.Core.Presets;
using Spool.Media.Probing;

namespace Spool.Core.Planning;

/// <summary>
/// When a source already is what an output's plan would make, so its streams are copied (-c copy) rather than encoded:
/// the picture loses nothing and the work is a remux. Every fact must be known; what the probe does not say (a
/// profile, a bit rate where a cap applies) cannot be shown to fit, so it is encoded.
/// </summary>
public static class StreamCopy
{
    /// <summary>
    /// A source's AAC may be this much over the preset's bit rate and still be copied: encoders miss a nominal rate by
    /// a few percent, and re-encoding a 100k track to 96k would cost quality for nothing.
    /// </summary>
    public const double AudioBitrateTolerance = 1.10;

    // ffprobe's names for the H.264 profiles every player decodes (4:2:0 8-bit); High 10, 4:2:2 and 4:4:4 are not among them.
    private static readonly HashSet<string> PlayableProfiles = new(StringComparer.OrdinalIgnoreCase)
    {
        "High", "Main", "Baseline", "Constrained Baseline",
    };

    /// <summary>
    /// The video fits when it is H.264 in a playable profile, yuv420p 8-bit, SDR and progressive, with square pixels,
    /// no rotation and exactly the planned size (no scale, no canvas), no fps cap applies, no media operation filters
    /// it, and its bit rate is known and within the preset's cap and <see cref="CeilingBitsPerPixel"/>. A preset that keeps every track copies
    /// only a source with at most one audio track and no subtitles.
    /// </summary>
    public static bool VideoFits(MediaInfo source, VideoStreamInfo video, Preset preset, FrameSize size, EncodeAdjustments adjustments)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(adjustments);
        return video.Codec == "h264"
            && video.Profile is { } profile && PlayableProfiles.Contains(profile)
            && video.PixelFormat == "yuv420p" && video.BitDepth == 8
            && !video.IsHdr && !video.IsInterlaced
            && video.Rotation == 0
            && (!video.SampleAspectRatio.IsValid || video.SampleAspectRatio.Numerator == video.SampleAspectRatio.Denominator)
            && !size.IsPadded && size.FrameWidth == video.Width && size.FrameHeight == video.Height
            && WithinFrameRate(video, preset.MaxFps)
            && WithinCeiling(source, video, preset)
            && adjustments.IsEmpty
            && (!preset.KeepsEveryTrack || (source.AudioStreams.Count <= 1 && source.SubtitleStreams.Count == 0));
    }

    /// <summary>
    /// The audio fits when it is AAC, mono or stereo at 48 kHz at most (what the preset would make of it), with a known
    /// bit rate within <see cref="AudioBitrateTolerance"/> of the preset's.
    /// </summary>
    public static bool AudioFits(AudioStreamInfo audio, Preset preset)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(preset);
        return audio.Codec == "aac"
            && audio.Channels is 1 or 2
            && audio.SampleRate is > 0 and <= 48_000
            && audio.BitRate is { } bitRate && bitRate <= preset.AudioBitrateKbps * 1000 * AudioBitrateTolerance;
    }

    // An unknown rate fits only a preset without a cap: there is nothing it could be over.
    private static bool WithinFrameRate(VideoStreamInfo video, int? maxFps) =>
        maxFps is not { } cap || (video.FrameRate is { IsValid: true } rate && rate.Numerator <= cap * rate.Denominator);

    /// <summary>
    /// The most bits a pixel (per frame) a copied source may spend under a preset of this CRF: twice what x264 at that
    /// CRF gives typical footage (about 0.1 bits a pixel at CRF 23, halving every 6 CRF). A camera original (a phone's
    /// 17 Mbit/s 1080p30 is 0.27 bits a pixel) is far over it and is encoded, so web_optimized still makes a web-sized
    /// file of it; a source already as compact as the preset's own output loses nothing by being copied.
    /// </summary>
    public static double CeilingBitsPerPixel(int crf) => 0.2 * Math.Pow(2, (23 - crf) / 6.0);

    // The stream's own rate when the container states it; else the whole file's, which is more than the video's alone.
    // Both the preset's explicit cap and the CRF's ceiling apply; without a frame rate the ceiling cannot be known.
    private static bool WithinCeiling(MediaInfo source, VideoStreamInfo video, Preset preset)
    {
        if ((video.BitRate ?? source.BitRate) is not { } bitRate || video.FrameRate is not { IsValid: true } rate)
        {
            return false;
        }

        var ceiling = CeilingBitsPerPixel(preset.Crf) * video.Width * video.Height * rate.Value;
        return bitRate <= ceiling && (preset.MaxBitrateKbps is not { } cap || bitRate <= cap * 1000L);
    }
}
