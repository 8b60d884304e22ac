using Spool.Core.Presets;
using Spool.Media.Commands;
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

    /// <summary>AAC at the preset's bitrate; stereo at most (mono stays mono); 48 kHz at most.</summary>
    public static AudioEncoding Audio(AudioStreamInfo audio, Preset preset)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(preset);
        return new AudioEncoding(preset.AudioCodec)
        {
            BitrateKbps = preset.AudioBitrateKbps,
            Channels = audio.Channels > 0 ? Math.Min(audio.Channels, 2) : 2,
            SampleRate = audio.SampleRate > 48_000 ? 48_000 : null,
        };
    }

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
