namespace Spool.Core.Quality.Checks;

/// <summary>How much QC measures. Batches default to <see cref="Quick"/>; "spool qc" to <see cref="Full"/>.</summary>
public enum QcMode
{
    /// <summary>integrity, duration, resolution (when expected), audio_peak, ssim on sampled frames.</summary>
    Quick,

    /// <summary>Everything: adds psnr, loudness (EBU R128), vmaf (when ffmpeg has libvmaf) and compression_ratio.</summary>
    Full,
}
