using Spool.Media.Commands;
using Spool.Media.Probing;

namespace Spool.Core.Steps.Cleanup;

/// <summary>
/// The audio filters that clean the source before it is measured and encoded. Denoising is three fixed stages, tuned
/// for speech and location sound: a high-pass at 80 Hz takes out rumble, handling and wind noise below the lowest
/// voice fundamentals; a low-pass at 12 kHz takes out hiss above the band that carries speech and sibilance; afftdn
/// (FFT denoise) with its noise floor at −25 dB removes the steady broadband noise left between them (its default,
/// −50 dB, assumes a noise far quieter than a field recording's). Sources of 24 kHz or less skip the low-pass:
/// 12 kHz is at or past their Nyquist frequency, where a biquad misbehaves.
/// </summary>
public static class AudioCleanup
{
    public const int HighPassHz = 80;
    public const int LowPassHz = 12_000;
    public const int NoiseFloorDb = -25;

    /// <summary>The denoise chain for a 48 kHz source: "highpass=f=80,lowpass=f=12000,afftdn=nf=-25".</summary>
    public static string DenoiseChain { get; } = Denoise(48_000);

    public static string Denoise(int sampleRate)
    {
        var filters = new List<Filter> { new("highpass", ("f", Invariant(HighPassHz))) };
        if (sampleRate <= 0 || sampleRate > 2 * LowPassHz)
        {
            filters.Add(new Filter("lowpass", ("f", Invariant(LowPassHz))));
        }

        filters.Add(new Filter("afftdn", ("nf", Invariant(NoiseFloorDb))));
        return FilterText.Render([.. filters]);
    }

    /// <summary>
    /// More than two channels are brought to stereo before measuring, so loudness is measured on what the encoder
    /// gets (every output is stereo at most) and a linear gain lands the downmix on target.
    /// </summary>
    public static string? Downmix(AudioStreamInfo audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        return audio.Channels > 2 ? "aformat=channel_layouts=stereo" : null;
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
