namespace Spool.Core.Steps.Hls;

/// <summary>How the ladder is encoded, beyond its rungs: the x264 speed and whether HDR can be tone-mapped (zscale).</summary>
public sealed record HlsEncoding
{
    /// <summary>
    /// x264 preset for every rung. One ffmpeg encodes all rungs at once, so a fast preset keeps the package affordable;
    /// the rungs' bitrates, not the preset, decide the size of the segments.
    /// </summary>
    public string X264Preset { get; init; } = "veryfast";

    /// <summary>False when this ffmpeg has no zscale filter: HDR sources are then packaged without tone-mapping.</summary>
    public bool CanToneMap { get; init; } = true;
}
