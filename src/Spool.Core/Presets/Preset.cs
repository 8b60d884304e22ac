namespace Spool.Core.Presets;

/// <summary>
/// What one output should look like. Built-in presets live in <see cref="BuiltInPresets"/>; users add their own in YAML.
/// Video is always H.264 (libx264) in yuv420p, audio always AAC: the fields say how, never whether.
/// </summary>
public sealed record Preset(
    string Name,
    string Description,
    int Crf,
    string X264Preset,
    int? MaxBitrateKbps,
    SizeRule Size,
    int? MaxFps,
    int AudioBitrateKbps)
{
    public string VideoCodec { get; init; } = "libx264";

    public string AudioCodec { get; init; } = "aac";

    /// <summary>
    /// True for "auto": <see cref="Crf"/>, <see cref="X264Preset"/> and <see cref="Size"/> are chosen per source
    /// by <see cref="AutoPreset.ForSource"/>; the values stored here are only what "presets" shows.
    /// </summary>
    public bool IsSourceAdaptive { get; init; }

    /// <summary>
    /// "Keep everything" (archival; "tracks: all" in YAML): every audio track in its own channel layout and every
    /// text subtitle track, not just the main audio track downmixed to stereo at most.
    /// </summary>
    public bool KeepsEveryTrack { get; init; }
}

/// <summary>How a preset sizes the picture. Sizes are in display pixels (square, rotation applied).</summary>
public abstract record SizeRule
{
    private SizeRule()
    {
    }

    /// <summary>The source's display size (rounded down to even numbers).</summary>
    public sealed record Keep : SizeRule;

    /// <summary>Shrink (never enlarge) until the short side and the long side are within their limits; null is no limit.</summary>
    public sealed record Bound(int? MaxShortSide, int? MaxLongSide) : SizeRule;

    /// <summary>A fixed frame: the picture is scaled to fit inside it (enlarging if needed) and padded to fill it.</summary>
    public sealed record Canvas(int Width, int Height) : SizeRule;
}
