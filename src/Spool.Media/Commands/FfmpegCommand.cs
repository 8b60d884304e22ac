namespace Spool.Media.Commands;

/// <summary>A whole ffmpeg invocation as data. Render it with <see cref="FfmpegCommandRenderer"/>.</summary>
public sealed record FfmpegCommand(
    IReadOnlyList<FfmpegInput> Inputs,
    FilterGraph? Graph,
    IReadOnlyList<FfmpegOutput> Outputs)
{
    /// <summary>Emit "-progress pipe:1 -nostats" so the runner can report progress.</summary>
    public bool ReportsProgress { get; init; } = true;

    /// <summary>Threads for the filter graph; null leaves ffmpeg's default.</summary>
    public int? FilterThreads { get; init; }

    /// <summary>Hardware devices opened before the inputs ("-init_hw_device"), for encoders that take GPU frames.</summary>
    public IReadOnlyList<HardwareDevice> HardwareDevices { get; init; } = [];

    /// <summary>The device hwupload filters upload to ("-filter_hw_device"); null when none.</summary>
    public string? FilterHardwareDevice { get; init; }
}

/// <summary>"-init_hw_device TYPE=NAME[:DEVICE]": a GPU device ffmpeg opens and filters refer to by name.</summary>
public sealed record HardwareDevice(string Type, string Name, string? Device = null);

/// <summary>An input file; <see cref="Options"/> come before its "-i".</summary>
public sealed record FfmpegInput(string Path, IReadOnlyList<string> Options)
{
    public FfmpegInput(string path)
        : this(path, [])
    {
    }
}

/// <summary>
/// One output file. <see cref="Maps"/> are stream specifiers or graph labels ("[v0]", "0:1", "0:a:0?").
/// A null <see cref="Video"/> or <see cref="Audio"/> means that kind of stream is dropped.
/// </summary>
public sealed record FfmpegOutput(
    string Path,
    IReadOnlyList<string> Maps,
    VideoEncoding? Video,
    AudioEncoding? Audio)
{
    /// <summary>Muxer name for "-f" (needed when the path's extension is not the format, e.g. ".partial.mp4" is fine, ".tmp" is not).</summary>
    public string? Format { get; init; }

    public bool FastStart { get; init; }

    /// <summary>"-fps_mode" for this output (e.g. "vfr" for variable-frame-rate sources); null leaves the default.</summary>
    public string? FpsMode { get; init; }

    /// <summary>Encoder threads for this output; null leaves ffmpeg's default.</summary>
    public int? Threads { get; init; }

    /// <summary>The image2 muxer's "-update 1": each frame rewrites the one file named, with no "%d" in its name.</summary>
    public bool SingleImage { get; init; }

    /// <summary>Drop metadata and chapters copied from the input ("-map_metadata -1").</summary>
    public bool StripMetadata { get; init; }

    /// <summary>
    /// Settings per audio track, in map order, for an output whose tracks are encoded differently (archival's stereo
    /// programme and 5.1 commentary): rendered instead of <see cref="Audio"/>'s options as "-c:a:1 aac -b:a:1 768k".
    /// Empty when every track takes <see cref="Audio"/>, which must be set for these to apply.
    /// </summary>
    public IReadOnlyList<AudioEncoding> AudioTracks { get; init; } = [];

    /// <summary>
    /// The language to tag the first audio stream with ("-metadata:s:a:0 language=eng"): set when that stream comes
    /// out of the filter graph, which drops the tags a stream brings from its input.
    /// </summary>
    public string? AudioLanguage { get; init; }

    /// <summary>
    /// One entry per subtitle stream this output maps, in map order (e.g. an SRT input as mov_text): "-c:s" once when
    /// they share a codec, else "-c:s:N" each. Empty when it maps none.
    /// </summary>
    public IReadOnlyList<SubtitleEncoding> Subtitles { get; init; } = [];
}

/// <summary>
/// A subtitle stream's codec, and the language to tag it with ("-metadata:s:s:N language=eng", ISO 639-2: what MP4
/// players show); a null language leaves the tag the stream brings from its input.
/// </summary>
public sealed record SubtitleEncoding(string Codec)
{
    public string? Language { get; init; }
}

/// <summary>"-c:v" and its settings. Codec "copy" copies the stream and ignores the rest.</summary>
public sealed record VideoEncoding(string Codec)
{
    public string? Preset { get; init; }

    public int? Crf { get; init; }

    /// <summary>A hardware encoder's quality mode (in place of <see cref="Crf"/>); null for none.</summary>
    public VideoRateControl? RateControl { get; init; }

    /// <summary>"-compression_level": VA-API's speed/quality level (1 best … 7 fastest on Intel); null leaves the driver's.</summary>
    public int? CompressionLevel { get; init; }

    public string? Profile { get; init; }

    public string? PixelFormat { get; init; }

    /// <summary>Peak bitrate cap in kbit/s ("-maxrate"), with "-bufsize" at twice it.</summary>
    public int? MaxRateKbps { get; init; }

    /// <summary>Maximum keyframe interval in frames ("-g").</summary>
    public int? KeyframeInterval { get; init; }

    /// <summary>"-q:v": a fixed quantiser scale, as an image encoder (mjpeg) takes it; null for none.</summary>
    public int? Quality { get; init; }

    /// <summary>libx264 measures SSIM and PSNR of every frame it encodes and logs them when it closes ("-x264-params ssim=1:psnr=1").</summary>
    public bool ReportsQuality { get; init; }

    public static VideoEncoding Copy { get; } = new("copy");
}

/// <summary>"-c:a" and its settings. Codec "copy" copies the stream and ignores the rest.</summary>
public sealed record AudioEncoding(string Codec)
{
    public int? BitrateKbps { get; init; }

    public int? Channels { get; init; }

    public int? SampleRate { get; init; }

    public static AudioEncoding Copy { get; } = new("copy");
}
