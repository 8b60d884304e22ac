namespace Spool.Media.Capabilities;

/// <summary>What the local ffmpeg can do, from its -version, -encoders, -filters and -hwaccels listings.</summary>
public sealed record FfmpegCapabilities(
    string Version,
    IReadOnlySet<string> Encoders,
    IReadOnlySet<string> Filters,
    IReadOnlySet<string> HardwareAccelerations)
{
    /// <summary>Encoder names as "-c:v" takes them (libx264, h264_nvenc, aac); exact, case-sensitive.</summary>
    public bool HasEncoder(string name) => Encoders.Contains(name);

    /// <summary>Filter names as a filter graph takes them (scale, libvmaf, loudnorm); exact, case-sensitive.</summary>
    public bool HasFilter(string name) => Filters.Contains(name);

    /// <summary>Methods as "-hwaccel" takes them (cuda, vaapi, qsv). Listed means compiled in, not that a device works.</summary>
    public bool HasHardwareAcceleration(string name) => HardwareAccelerations.Contains(name);
}
