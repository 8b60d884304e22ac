using System.Globalization;
using System.Text.Json;

namespace Spool.EndToEnd.Tests.Infrastructure;

/// <summary>One stream as ffprobe reports it, with the few fields the tests judge.</summary>
public sealed record StreamFacts(
    string CodecType,
    string? CodecName,
    int Width,
    int Height,
    string? SampleAspectRatio,
    string? PixelFormat,
    string? FieldOrder,
    string? ColorTransfer,
    string? RFrameRate,
    string? AvgFrameRate,
    int Channels,
    double? Rotation,
    bool HasDisplayMatrix,
    bool IsAttachedPicture)
{
    /// <summary>SAR as a number; ffprobe's "0:1", "N/A" or nothing mean square pixels.</summary>
    public double Sar => SampleAspectRatio?.Split(':') is [var n, var d]
        && double.TryParse(n, CultureInfo.InvariantCulture, out var num) && double.TryParse(d, CultureInfo.InvariantCulture, out var den)
        && num > 0 && den > 0
            ? num / den
            : 1.0;

    public bool IsQuarterTurn => Rotation is { } r && Math.Abs(Math.Abs(r) % 180 - 90) < 1;

    /// <summary>The picture as a viewer sees it: sample aspect applied to the width, then the rotation.</summary>
    public double DisplayWidth => IsQuarterTurn ? Height : Width * Sar;

    public double DisplayHeight => IsQuarterTurn ? Width * Sar : Height;

    public double DisplayAspect => DisplayWidth / DisplayHeight;
}

/// <summary>What ffprobe says about a file: its container duration and streams.</summary>
public sealed record MediaFacts(string Path, double? Duration, IReadOnlyList<StreamFacts> Streams)
{
    public StreamFacts? Video => Streams.FirstOrDefault(s => s.CodecType == "video" && !s.IsAttachedPicture);

    public StreamFacts? Audio => Streams.FirstOrDefault(s => s.CodecType == "audio");

    public string Name => System.IO.Path.GetFileName(Path);

    public static MediaFacts From(string path, JsonElement root)
    {
        var streams = root.TryGetProperty("streams", out var list)
            ? list.EnumerateArray().Select(Stream).ToList()
            : [];
        double? duration = root.TryGetProperty("format", out var format) ? Number(format, "duration") : null;
        return new MediaFacts(path, duration, streams);
    }

    private static StreamFacts Stream(JsonElement s)
    {
        double? rotation = null;
        var hasMatrix = false;
        if (s.TryGetProperty("side_data_list", out var sideData))
        {
            foreach (var item in sideData.EnumerateArray())
            {
                if (Text(item, "side_data_type") == "Display Matrix")
                {
                    hasMatrix = true;
                    rotation = Number(item, "rotation") ?? 0;
                }
            }
        }

        if (rotation is null && s.TryGetProperty("tags", out var tags) && Number(tags, "rotate") is { } rotate)
        {
            rotation = rotate;
        }

        var attached = s.TryGetProperty("disposition", out var disposition)
            && disposition.TryGetProperty("attached_pic", out var pic) && pic.GetInt32() == 1;
        return new StreamFacts(
            Text(s, "codec_type") ?? "",
            Text(s, "codec_name"),
            (int)(Number(s, "width") ?? 0),
            (int)(Number(s, "height") ?? 0),
            Text(s, "sample_aspect_ratio"),
            Text(s, "pix_fmt"),
            Text(s, "field_order"),
            Text(s, "color_transfer"),
            Text(s, "r_frame_rate"),
            Text(s, "avg_frame_rate"),
            (int)(Number(s, "channels") ?? 0),
            rotation,
            hasMatrix,
            attached);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    private static double? Number(JsonElement element, string name) =>
        Text(element, name) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
}
