namespace Spool.Core.Operations;

/// <summary>How subtitles made from speech are delivered.</summary>
public enum SubtitleMode
{
    /// <summary>SRT and WebVTT files beside the outputs, in &lt;name&gt;/subtitles/.</summary>
    Sidecar,

    /// <summary>The sidecar files, and a subtitle stream (mov_text) in every MP4 output.</summary>
    Soft,

    /// <summary>The sidecar files, and the text rendered into every output's picture.</summary>
    Burn,
}

/// <summary>
/// The media operations a batch asks for besides its encodes, in plain values so they travel with the batch in the
/// store (a worker on another machine rebuilds the steps from them). Secrets never live here: the transcription
/// endpoint's key is read from SPOOL_TRANSCRIBER_KEY where the step runs.
/// </summary>
public sealed record OperationSettings
{
    public static OperationSettings None { get; } = new();

    /// <summary>Two-pass loudnorm to <see cref="Loudness"/> LUFS, <see cref="TruePeak"/> dBTP, <see cref="LoudnessRange"/> LU.</summary>
    public bool NormalizeAudio { get; init; }

    public double Loudness { get; init; } = -16;

    public double TruePeak { get; init; } = -1.5;

    public double LoudnessRange { get; init; } = 11;

    /// <summary>High-pass, low-pass and FFT denoise on the audio.</summary>
    public bool DenoiseAudio { get; init; }

    /// <summary>Two-pass vidstab.</summary>
    public bool Stabilize { get; init; }

    /// <summary>"auto" (levels from signalstats) or eq options ("brightness=0.05:contrast=1.1"); null for none.</summary>
    public string? Color { get; init; }

    /// <summary>hqdn3d on the picture.</summary>
    public bool DenoiseVideo { get; init; }

    /// <summary>Representative JPEG frames per input; 0 for none.</summary>
    public int Thumbnails { get; init; }

    /// <summary>A sprite sheet and its WebVTT thumbnail track.</summary>
    public bool Sprite { get; init; }

    /// <summary>An adaptive HLS ladder per input.</summary>
    public bool Hls { get; init; }

    /// <summary>The HLS rungs ("1080,720,360"); null for every rung not above the source.</summary>
    public string? HlsLadder { get; init; }

    /// <summary>Subtitles from speech; null for none.</summary>
    public SubtitleMode? Subtitles { get; init; }

    /// <summary>pocketsphinx | whisper | openai; null picks pocketsphinx.</summary>
    public string? Transcriber { get; init; }

    public string Language { get; init; } = "en";

    public string? WhisperModel { get; init; }

    public string? TranscriberUrl { get; init; }

    /// <summary>Whether the encode itself changes (filters before the encoders, an extra subtitle input).</summary>
    public bool ChangesEncode =>
        NormalizeAudio || DenoiseAudio || Stabilize || Color is not null || DenoiseVideo || Subtitles is SubtitleMode.Soft or SubtitleMode.Burn;

    /// <summary>The steps that run as jobs of their own beside the encodes, in the order they run.</summary>
    public IReadOnlyList<string> StepNames()
    {
        var names = new List<string>();
        if (Subtitles is not null)
        {
            names.Add(StepNamesOf.Subtitles);
        }

        if (Thumbnails > 0)
        {
            names.Add(StepNamesOf.Thumbnails);
        }

        if (Sprite)
        {
            names.Add(StepNamesOf.Sprite);
        }

        if (Hls)
        {
            names.Add(StepNamesOf.Hls);
        }

        return names;
    }
}

/// <summary>The names step jobs carry where an encode job carries its preset's name; no preset may take them.</summary>
public static class StepNamesOf
{
    public const string Subtitles = "subtitles";
    public const string Thumbnails = "thumbnails";
    public const string Sprite = "sprite";
    public const string Hls = "hls";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>([Subtitles, Thumbnails, Sprite, Hls], StringComparer.Ordinal);
}
