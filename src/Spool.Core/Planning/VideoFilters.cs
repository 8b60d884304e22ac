using System.Globalization;
using Spool.Media.Commands;
using Spool.Media.Probing;

namespace Spool.Core.Planning;

/// <summary>
/// The video filters, as data. ffmpeg's autorotate stays on, so every filter here sees frames already turned upright
/// and sizes are planned from the display size.
/// </summary>
public static class VideoFilters
{
    /// <summary>
    /// What every output needs before its own scaling: deinterlacing, then HDR to SDR. They run once, before the split.
    /// bwdif sends one frame per frame (not per field) so the frame rate stays the source's and fps caps mean the same.
    /// </summary>
    public static IReadOnlyList<Filter> Common(VideoStreamInfo video, bool canToneMap)
    {
        ArgumentNullException.ThrowIfNull(video);
        var filters = new List<Filter>();
        if (video.IsInterlaced)
        {
            filters.Add(new Filter("bwdif", ("mode", "send_frame")));
        }

        if (video.IsHdr && canToneMap)
        {
            filters.AddRange(ToneMap);
        }

        return filters;
    }

    /// <summary>PQ/HLG to BT.709 SDR: linearise, tone-map with hable in linear light, back to BT.709 limited range, 8-bit 4:2:0.</summary>
    public static IReadOnlyList<Filter> ToneMap { get; } =
    [
        new("zscale", ("t", "linear"), ("npl", "100")),
        new("format", FilterArg.Positional("gbrpf32le")),
        new("zscale", ("p", "bt709")),
        new("tonemap", ("tonemap", "hable"), ("desat", "0")),
        new("zscale", ("t", "bt709"), ("m", "bt709"), ("r", "tv")),
        new("format", FilterArg.Positional("yuv420p")),
    ];

    /// <summary>One output's own filters: scale to square pixels at the planned size, pad to a canvas, cap the frame rate, 8-bit 4:2:0.</summary>
    public static IReadOnlyList<Filter> ForOutput(FrameSize size, int? fps)
    {
        ArgumentNullException.ThrowIfNull(size);
        var filters = new List<Filter>
        {
            new("scale", Number(size.ContentWidth), Number(size.ContentHeight)),
            new("setsar", Number(1)),
        };
        if (size.IsPadded)
        {
            filters.Add(new Filter(
                "pad", Number(size.FrameWidth), Number(size.FrameHeight), FilterArg.Positional("(ow-iw)/2"), FilterArg.Positional("(oh-ih)/2")));
        }

        if (fps is { } rate)
        {
            filters.Add(new Filter("fps", Number(rate)));
        }

        filters.Add(new Filter("format", FilterArg.Positional("yuv420p")));
        return filters;
    }

    /// <summary>
    /// The frame rate to force, or null to keep the source's: only when the source is faster than the cap, or its rate
    /// is unknown (then the cap is the only rate that is sure to be within it).
    /// </summary>
    public static int? FpsCap(VideoStreamInfo video, int? maxFps)
    {
        ArgumentNullException.ThrowIfNull(video);
        if (maxFps is not { } cap)
        {
            return null;
        }

        // An unknown rate is not capped: ffmpeg 5.1's fps filter turns a one-frame stream without timing into no
        // frames at all (corpus small/webm.webm). The planner keeps such a source's own timestamps instead.
        return video.FrameRate is { IsValid: true } rate && rate.Numerator > cap * rate.Denominator ? cap : null;
    }

    private static FilterArg Number(int value) => FilterArg.Positional(value.ToString(CultureInfo.InvariantCulture));
}
