using Spool.Core.Presets;
using Spool.Media.Commands;
using Spool.Media.Hardware;
using Spool.Media.Probing;

namespace Spool.Core.Planning;

/// <summary>The encoder settings for one output, from its (concrete) preset and the batch's knobs.</summary>
public static class Encoders
{
    public static VideoEncoding Video(Preset preset, PlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(options);
        return new VideoEncoding(preset.VideoCodec)
        {
            Preset = X264Preset(preset.X264Preset, options.Mode),
            Crf = Crf(preset.Crf, options.Quality),
            Profile = "high",
            PixelFormat = "yuv420p",
            MaxRateKbps = preset.MaxBitrateKbps,
        };
    }

    /// <summary>The settings on <paramref name="backend"/>'s hardware encoder (see <see cref="HardwareEncoders"/>), or libx264's when null.</summary>
    public static VideoEncoding Video(Preset preset, PlanOptions options, HardwareBackend? backend)
    {
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(options);
        return backend is { } hardware ? HardwareEncoders.Video(preset, options, hardware) : Video(preset, options);
    }

    /// <summary>
    /// AAC at the preset's bitrate, 48 kHz at most; stereo at most (mono stays mono). A preset that keeps every track
    /// keeps each one's channel layout up to 7.1 (more is downmixed to stereo) at the preset's bitrate per stereo pair.
    /// </summary>
    public static AudioEncoding Audio(AudioStreamInfo audio, Preset preset)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(preset);
        var keepsLayout = preset.KeepsEveryTrack && audio.Channels is > 2 and <= MaxKeptChannels;
        return new AudioEncoding(preset.AudioCodec)
        {
            BitrateKbps = keepsLayout ? preset.AudioBitrateKbps * ((audio.Channels + 1) / 2) : preset.AudioBitrateKbps,
            Channels = keepsLayout ? null : audio.Channels > 0 ? Math.Min(audio.Channels, 2) : 2,
            SampleRate = audio.SampleRate > 48_000 ? 48_000 : null,
        };
    }

    /// <summary>7.1: the most channels an AAC track keeps.</summary>
    public const int MaxKeptChannels = 8;

    public static int Crf(int presetCrf, QualityLevel quality)
    {
        var shift = quality switch
        {
            QualityLevel.High => -3,
            QualityLevel.Ultra => -6,
            _ => 0,
        };
        return Math.Clamp(presetCrf + shift, 0, 51);
    }

    // "fast" never slows down a preset that is already faster (fast_draft stays ultrafast); "high_quality" likewise never speeds one up.
    public static string X264Preset(string presetSpeed, EncodeMode? mode) => mode switch
    {
        EncodeMode.Fast => X264Presets.Faster(presetSpeed, "veryfast"),
        EncodeMode.HighQuality => X264Presets.Slower(presetSpeed, "slow"),
        _ => presetSpeed,
    };
}
