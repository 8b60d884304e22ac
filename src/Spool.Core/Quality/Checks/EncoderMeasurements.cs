using Spool.Media.Probing;

namespace Spool.Core.Quality.Checks;

/// <summary>
/// Hands each output of an encode what the encode measured for it, only where that is unambiguous. Pure: it reads
/// the encode's stderr and the output's probe.
/// </summary>
public static class EncoderMeasurements
{
    /// <summary>
    /// One entry per output of the run, in the run's output order. libx264's summaries come in the order of the
    /// output streams (see <see cref="EncoderStatsParser"/>); when their number is not the number of outputs (another
    /// encoder, a summary missing), no output gets any, rather than the wrong one.
    /// </summary>
    public static IReadOnlyList<EncoderStats?> ForOutputs(string stderr, int outputs)
    {
        var stats = EncoderStatsParser.ParseX264(stderr);
        return stats.Count == outputs ? [.. stats] : [.. Enumerable.Repeat<EncoderStats?>(null, outputs)];
    }

    /// <summary>
    /// The measurement quick QC may judge this output by, or null when it must compare with the source instead: no
    /// summary, no SSIM in it, an encoded frame count that is not the output's (so the summary is another output's),
    /// or an output with audio but no peak measured of the audio fed to it.
    /// </summary>
    public static EncoderMeasurement? Trusted(EncoderStats? stats, double? peakDb, MediaInfo written)
    {
        ArgumentNullException.ThrowIfNull(written);
        if (stats?.Ssim is null || written.PrimaryVideo is not { } video)
        {
            return null;
        }

        if (video.FrameCount is { } frames && frames != stats.Frames)
        {
            return null;
        }

        return written.AudioStreams.Count > 0 && peakDb is null ? null : new EncoderMeasurement(stats.Ssim, stats.Psnr, peakDb);
    }
}
