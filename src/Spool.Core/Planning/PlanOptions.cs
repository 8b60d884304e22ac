namespace Spool.Core.Planning;

/// <summary>How much better than the preset to aim: each step lowers the CRF (higher quality, larger files).</summary>
public enum QualityLevel
{
    /// <summary>The preset's own CRF.</summary>
    Medium,

    /// <summary>CRF 3 lower than the preset's.</summary>
    High,

    /// <summary>CRF 6 lower than the preset's.</summary>
    Ultra,
}

/// <summary>How to trade encoding speed for compression.</summary>
public enum EncodeMode
{
    /// <summary>x264 "veryfast", unless the preset is already faster.</summary>
    Fast,

    /// <summary>The preset's own x264 preset.</summary>
    Balanced,

    /// <summary>x264 "slow", unless the preset is already slower.</summary>
    HighQuality,
}

/// <summary>Knobs that apply to every output of a batch, and what the local ffmpeg can do.</summary>
public sealed record PlanOptions
{
    public static PlanOptions Default { get; } = new();

    public QualityLevel Quality { get; init; } = QualityLevel.Medium;

    /// <summary>Null keeps each preset's own x264 preset (the same as <see cref="EncodeMode.Balanced"/>).</summary>
    public EncodeMode? Mode { get; init; }

    /// <summary>Threads for each output's encoder and for the filter graph; null leaves ffmpeg's defaults.</summary>
    public int? ThreadsPerJob { get; init; }

    /// <summary>
    /// The local ffmpeg has zscale, so HDR sources can be tone-mapped to SDR. Debian's ffmpeg has it, hence the default;
    /// capability detection should set it from "ffmpeg -filters".
    /// </summary>
    public bool CanToneMap { get; init; } = true;

    /// <summary>
    /// The encode measures what quick QC needs, so QC decodes nothing again: libx264 its own SSIM and PSNR
    /// ("-x264-params ssim=1:psnr=1"), a volumedetect on the audio chain the peak of the audio the encoders are fed.
    /// </summary>
    public bool EncoderQc { get; init; }

    /// <summary>Filters and a subtitle track that media operations add to every output; none by default.</summary>
    public EncodeAdjustments Adjustments { get; init; } = EncodeAdjustments.None;
}
