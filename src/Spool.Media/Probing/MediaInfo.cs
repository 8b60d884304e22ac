namespace Spool.Media.Probing;

/// <summary>A probed media file, normalised: every value here is sane or absent.</summary>
public sealed record MediaInfo(
    string Path,
    string FormatName,
    double? DurationSeconds,
    long? SizeBytes,
    long? BitRate,
    IReadOnlyList<VideoStreamInfo> VideoStreams,
    IReadOnlyList<AudioStreamInfo> AudioStreams,
    int SubtitleStreamCount,
    IReadOnlyList<string> Warnings)
{
    /// <summary>A single picture (PNG, JPEG, one-frame GIF...) rather than moving video.</summary>
    public bool IsStillImage { get; init; }

    /// <summary>The stream Spool encodes: the first real video stream (attached pictures are never here).</summary>
    public VideoStreamInfo? PrimaryVideo => VideoStreams.Count > 0 ? VideoStreams[0] : null;

    public AudioStreamInfo? PrimaryAudio => AudioStreams.Count > 0 ? AudioStreams[0] : null;

    /// <summary>The subtitle streams, in file order (<see cref="SubtitleStreamCount"/> of them).</summary>
    public IReadOnlyList<SubtitleStreamInfo> SubtitleStreams { get; init; } = [];

    /// <summary>The best duration known: the container's, else the primary video stream's.</summary>
    public double? EffectiveDuration => DurationSeconds ?? PrimaryVideo?.DurationSeconds ?? PrimaryAudio?.DurationSeconds;

    /// <summary>
    /// How long an output of this file should last: its longest primary stream when streams know their durations.
    /// The container's figure also counts a stream's late start (a phone clip whose video starts at 0.144 s), which
    /// an output that starts at zero does not reproduce.
    /// </summary>
    public double? TimelineDuration =>
        new[] { PrimaryVideo?.DurationSeconds, PrimaryAudio?.DurationSeconds }.Max() ?? EffectiveDuration;
}

/// <summary>A video stream. <see cref="Index"/> is the absolute stream index in the file (map as "0:Index").</summary>
public sealed record VideoStreamInfo(
    int Index,
    string Codec,
    int Width,
    int Height,
    Rational SampleAspectRatio,
    string? PixelFormat,
    int BitDepth,
    Rational? FrameRate,
    bool IsVariableFrameRate,
    int Rotation,
    bool IsInterlaced,
    string? ColorTransfer,
    string? ColorPrimaries,
    bool IsHdr,
    double? DurationSeconds,
    long? FrameCount)
{
    /// <summary>The stream's own bit rate in bit/s, when the container states it.</summary>
    public long? BitRate { get; init; }

    /// <summary>The codec profile as ffprobe names it ("High", "Main 10").</summary>
    public string? Profile { get; init; }

    /// <summary>The codec level in its usual notation ("3.1"), when known.</summary>
    public string? Level { get; init; }

    /// <summary>The colour matrix (ffprobe's color_space: "bt709", "bt2020nc").</summary>
    public string? ColorMatrix { get; init; }

    /// <summary>The stream's language tag ("eng", "fra"), when set.</summary>
    public string? Language { get; init; }

    /// <summary>Rotation is clockwise display rotation in {0, 90, 180, 270}; a quarter turn swaps the axes.</summary>
    public bool IsQuarterTurn => Rotation is 90 or 270;

    /// <summary>Width as displayed: square pixels (sample aspect applied), rotation applied.</summary>
    public int DisplayWidth => IsQuarterTurn ? SquarePixelHeight : SquarePixelWidth;

    public int DisplayHeight => IsQuarterTurn ? SquarePixelWidth : SquarePixelHeight;

    // Square pixels the way ffmpeg's own "scale=iw*sar:ih" does it: the width absorbs the sample aspect.
    private int SquarePixelWidth => SampleAspectRatio.IsValid
        ? Math.Max(1, (int)Math.Round(Width * SampleAspectRatio.Value))
        : Width;

    private int SquarePixelHeight => Height;
}

public sealed record AudioStreamInfo(
    int Index,
    string Codec,
    int Channels,
    int SampleRate,
    string? ChannelLayout,
    double? DurationSeconds)
{
    /// <summary>The stream's own bit rate in bit/s, when the container states it.</summary>
    public long? BitRate { get; init; }

    /// <summary>Bits per sample the source states (PCM, FLAC, ALAC); null for lossy codecs, which state none.</summary>
    public int? BitsPerSample { get; init; }

    /// <summary>The codec profile as ffprobe names it ("LC", "HE-AAC").</summary>
    public string? Profile { get; init; }

    /// <summary>The stream's language tag ("eng", "fra"), when set.</summary>
    public string? Language { get; init; }
}

/// <summary>A subtitle stream: its absolute index, codec ("subrip", "ass", "hdmv_pgs_subtitle") and language tag.</summary>
public sealed record SubtitleStreamInfo(int Index, string Codec, string? Language)
{
    // Codecs ffmpeg can decode as text and so re-encode as MP4's mov_text; the rest are pictures (PGS, DVB, VobSub).
    private static readonly HashSet<string> TextCodecs = new(StringComparer.Ordinal)
    {
        "subrip", "srt", "ass", "ssa", "webvtt", "mov_text", "text", "microdvd", "subviewer", "subviewer1", "sami",
        "realtext", "mpl2", "jacosub", "pjs", "vplayer", "stl",
    };

    public bool IsText => TextCodecs.Contains(Codec);
}
