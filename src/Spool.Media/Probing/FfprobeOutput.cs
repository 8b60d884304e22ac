using System.Text.Json.Serialization;

namespace Spool.Media.Probing;

// The raw shape of `ffprobe -print_format json -show_format -show_streams`, only the fields Spool reads.
// Values stay as ffprobe wrote them (most numbers are strings such as "3.000000"); ProbeNormalizer makes sense of them.

/// <summary>The whole ffprobe document: its streams and its container.</summary>
public sealed record FfprobeOutput
{
    [JsonPropertyName("streams")]
    public IReadOnlyList<FfprobeStreamEntry>? Streams { get; init; }

    [JsonPropertyName("format")]
    public FfprobeFormat? Format { get; init; }
}

public sealed record FfprobeStreamEntry
{
    [JsonPropertyName("index")]
    public int Index { get; init; }

    /// <summary>"video", "audio", "subtitle", "data" or "attachment".</summary>
    [JsonPropertyName("codec_type")]
    public string? CodecType { get; init; }

    [JsonPropertyName("codec_name")]
    public string? CodecName { get; init; }

    [JsonPropertyName("width")]
    public int? Width { get; init; }

    [JsonPropertyName("height")]
    public int? Height { get; init; }

    /// <summary>"16:9"; "0:1" when unknown.</summary>
    [JsonPropertyName("sample_aspect_ratio")]
    public string? SampleAspectRatio { get; init; }

    [JsonPropertyName("display_aspect_ratio")]
    public string? DisplayAspectRatio { get; init; }

    [JsonPropertyName("pix_fmt")]
    public string? PixFmt { get; init; }

    [JsonPropertyName("bits_per_raw_sample")]
    public string? BitsPerRawSample { get; init; }

    /// <summary>"30000/1001"; "0/0" when unknown. Often the container's time base for odd files ("1000/1").</summary>
    [JsonPropertyName("r_frame_rate")]
    public string? RFrameRate { get; init; }

    [JsonPropertyName("avg_frame_rate")]
    public string? AvgFrameRate { get; init; }

    /// <summary>"progressive", "tt", "bb", "tb", "bt" or "unknown".</summary>
    [JsonPropertyName("field_order")]
    public string? FieldOrder { get; init; }

    [JsonPropertyName("color_transfer")]
    public string? ColorTransfer { get; init; }

    [JsonPropertyName("color_primaries")]
    public string? ColorPrimaries { get; init; }

    [JsonPropertyName("color_space")]
    public string? ColorSpace { get; init; }

    /// <summary>Seconds as text ("1.166400"); absent for many containers (Matroska, WAV headers, images).</summary>
    [JsonPropertyName("duration")]
    public string? Duration { get; init; }

    [JsonPropertyName("bits_per_sample")]
    public int? BitsPerSample { get; init; }

    [JsonPropertyName("bit_rate")]
    public string? BitRate { get; init; }

    [JsonPropertyName("profile")]
    public string? Profile { get; init; }

    // An integer whose scale is the codec's: 31 is H.264 level 3.1, 93 is HEVC level 3.1; -99 means unknown.
    [JsonPropertyName("level")]
    public int? Level { get; init; }

    [JsonPropertyName("nb_frames")]
    public string? NbFrames { get; init; }

    /// <summary>Packets ffprobe actually read from the stream; only with -count_packets.</summary>
    [JsonPropertyName("nb_read_packets")]
    public string? NbReadPackets { get; init; }

    [JsonPropertyName("channels")]
    public int? Channels { get; init; }

    [JsonPropertyName("sample_rate")]
    public string? SampleRate { get; init; }

    [JsonPropertyName("channel_layout")]
    public string? ChannelLayout { get; init; }

    [JsonPropertyName("disposition")]
    public FfprobeDisposition? Disposition { get; init; }

    /// <summary>Free-form tags; "rotate" (clockwise degrees) appears here in older ffprobe versions.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    [JsonPropertyName("side_data_list")]
    public IReadOnlyList<FfprobeSideData>? SideDataList { get; init; }
}

public sealed record FfprobeDisposition
{
    /// <summary>1 for cover art and thumbnails stored as a one-picture "video" stream.</summary>
    [JsonPropertyName("attached_pic")]
    public int AttachedPic { get; init; }
}

public sealed record FfprobeSideData
{
    /// <summary>"Display Matrix" for rotation.</summary>
    [JsonPropertyName("side_data_type")]
    public string? SideDataType { get; init; }

    /// <summary>Counter-clockwise degrees, as ffprobe reports the display matrix (-90 for an upright phone).</summary>
    [JsonPropertyName("rotation")]
    public double? Rotation { get; init; }
}

public sealed record FfprobeFormat
{
    /// <summary>Comma-separated demuxer names: "mov,mp4,m4a,3gp,3g2,mj2", "image2", "png_pipe".</summary>
    [JsonPropertyName("format_name")]
    public string? FormatName { get; init; }

    [JsonPropertyName("duration")]
    public string? Duration { get; init; }

    [JsonPropertyName("size")]
    public string? Size { get; init; }

    [JsonPropertyName("bit_rate")]
    public string? BitRate { get; init; }

    [JsonPropertyName("nb_streams")]
    public int? NbStreams { get; init; }
}
