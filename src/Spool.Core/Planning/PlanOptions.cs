using Spool.Media.Hardware;

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

/// <summary>Which video encoder family to use (--hwaccel): a hardware one only when this machine has proved it.</summary>
public enum HardwareChoice
{
    /// <summary>The first proven backend (NVENC, then Quick Sync, then VA-API); the CPU when none is proven.</summary>
    Auto,

    /// <summary>Always libx264 on the CPU.</summary>
    None,

    /// <summary>h264_nvenc when proven; otherwise the CPU, with a warning.</summary>
    Cuda,

    /// <summary>h264_vaapi when proven; otherwise the CPU, with a warning.</summary>
    Vaapi,

    /// <summary>h264_qsv when proven; otherwise the CPU, with a warning.</summary>
    Qsv,
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

    /// <summary>The batch's --hwaccel.</summary>
    public HardwareChoice Hardware { get; init; } = HardwareChoice.Auto;

    /// <summary>What this machine's one-frame trials proved (spool doctor's proof); none by default, so plans are the CPU's.</summary>
    public HardwareSupport ProvenHardware { get; init; } = HardwareSupport.None;

    /// <summary>
    /// Remux a source that already is what an output's preset makes (<see cref="StreamCopy"/>). Off only to encode an
    /// output whose remux failed its check: a copy never decodes the source, so damage shows only in the output.
    /// </summary>
    public bool AllowsStreamCopy { get; init; } = true;

    /// <summary>
    /// The encode measures what quick QC needs, so QC decodes nothing again: libx264 its own SSIM and PSNR
    /// ("-x264-params ssim=1:psnr=1"), a volumedetect on the audio chain the peak of the audio the encoders are fed.
    /// </summary>
    public bool EncoderQc { get; init; }

    /// <summary>
    /// Each encoded output also writes the report's thumbnail (<see cref="EncodedThumbnail"/>), so the report runs no
    /// ffmpeg for it. On where a batch encodes; off by default, so a command that must stay one output (a chunk's, a
    /// benchmark's) never gets one.
    /// </summary>
    public bool ReportThumbnails { get; init; }

    /// <summary>Filters and a subtitle track that media operations add to every output; none by default.</summary>
    public EncodeAdjustments Adjustments { get; init; } = EncodeAdjustments.None;
}
