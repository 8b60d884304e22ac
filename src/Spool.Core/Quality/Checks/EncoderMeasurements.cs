using Spool.Media.Probing;

namespace Spool.Core.Quality.Checks;

/// <summary>
/// Finds, among an encode's libx264 summaries, the one that is surely this output's. ffmpeg does not print them in
/// the order of its outputs (measured on 5.1: a fused run of 10, 25 and 5 fps outputs printed the 25 fps one first),
/// and their "[libx264 @ 0x…]" prefix names no output, so each output is matched by what its probe says of the stream
/// the encoder wrote: the frame count, exactly, and the bitrate (x264 counts its own bytes; the container adds its
/// headers and x264's settings SEI, about 700 bytes). A summary is taken only when it is the only one that fits;
/// otherwise quick QC compares the output with its source, as before. Pure.
/// </summary>
public static class EncoderMeasurements
{
    /// <summary>What the stream may hold beyond x264's own count: container headers and the settings SEI.</summary>
    public const double ByteSlack = 2048;

    /// <summary>And the relative slack on top of it.</summary>
    public const double RelativeSlack = 0.02;

    /// <summary>
    /// The measurement quick QC may judge this output by, or null when it must compare with the source instead: no
    /// summary fits it alone, the one that fits has no SSIM, or the output has audio but no peak was measured of the
    /// audio fed to it.
    /// </summary>
    public static EncoderMeasurement? Trusted(IReadOnlyList<EncoderStats> summaries, double? peakDb, MediaInfo written)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(written);
        if (written.PrimaryVideo is not { } video || (written.AudioStreams.Count > 0 && peakDb is null))
        {
            return null;
        }

        var fitting = summaries.Where(stats => Fits(stats, video, summaries.Count)).ToList();
        return fitting is [{ Ssim: { } ssim } only] ? new EncoderMeasurement(ssim, only.Psnr, peakDb) : null;
    }

    private static bool Fits(EncoderStats stats, VideoStreamInfo video, int summaries)
    {
        if (video.FrameCount is { } frames && frames != stats.Frames)
        {
            return false;
        }

        if (summaries == 1)
        {
            // One encoder in the run: its summary is this output's, unless the frame count says otherwise.
            return true;
        }

        if (video.BitRate is not { } bitRate || stats.Kbps is not { } kbps || video.DurationSeconds is not { } seconds || seconds <= 0)
        {
            return false;
        }

        var streamBytes = bitRate * seconds / 8;
        var encodedBytes = kbps * 1000 * seconds / 8;
        return Math.Abs(streamBytes - encodedBytes) <= ByteSlack + (RelativeSlack * streamBytes);
    }
}
