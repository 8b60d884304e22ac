namespace Spool.Core.Quality.Checks;

/// <summary>How much QC measures. Batches default to <see cref="Quick"/>; "spool qc" to <see cref="Full"/>.</summary>
public enum QcMode
{
    /// <summary>
    /// integrity, duration, resolution (when expected), audio_peak, ssim. In a batch the encode measures ssim, psnr and
    /// the audio peak itself and integrity comes from the output's probe reading every packet
    /// (<see cref="QualityChecker.CheckEncoded"/>); elsewhere,
    /// and where the encoder's measurement cannot be tied to the output, ssim is compared on sampled frames.
    /// </summary>
    Quick,

    /// <summary>Everything: adds psnr, loudness (EBU R128), vmaf (when ffmpeg has libvmaf) and compression_ratio.</summary>
    Full,
}
