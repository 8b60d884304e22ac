using System.CommandLine;
using System.Globalization;
using Spool.Core.Operations;

namespace Spool.Cli.Commands;

/// <summary>The media-operation flags of process and submit (issue 5), defined once; each is also a --config key.</summary>
internal sealed class OperationOptions
{
    public Option<bool> NormalizeAudio { get; } = new("--normalize-audio") { Description = "Two-pass EBU R128 loudness normalisation (loudnorm, linear)." };

    public Option<double> Loudness { get; } = new("--loudness") { Description = "Target integrated loudness in LUFS (-70 to -5).", DefaultValueFactory = _ => -16 };

    public Option<double> TruePeak { get; } = new("--true-peak") { Description = "Target maximum true peak in dBTP (-9 to 0).", DefaultValueFactory = _ => -1.5 };

    public Option<double> Lra { get; } = new("--lra") { Description = "Target loudness range in LU (1 to 50).", DefaultValueFactory = _ => 11 };

    public Option<bool> DenoiseAudio { get; } = new("--denoise-audio") { Description = "High-pass, low-pass and FFT denoise (afftdn) on the audio." };

    public Option<int> Thumbnails { get; } = new("--thumbnails") { Description = "Write N representative JPEG frames per input into <name>/thumbnails/." };

    public Option<bool> Sprite { get; } = new("--sprite") { Description = "Write a sprite sheet and a WebVTT thumbnail track (#xywh= cues)." };

    public Option<bool> Hls { get; } = new("--hls") { Description = "Package each input as an adaptive HLS ladder in <name>/hls/ (master.m3u8)." };

    public Option<string?> HlsLadder { get; } = new("--hls-ladder") { Description = "HLS rungs by height, e.g. 1080,720,360 (default: every rung from 1080 to 360 not above the source)." };

    public Option<string?> Export { get; } = new("--export") { Description = "Platform exports, e.g. youtube,instagram,tiktok (adds those canvas presets)." };

    public Option<string?> Subtitles { get; } = new("--subtitles") { Description = "sidecar | soft | burn: subtitles from speech (SRT + WebVTT; soft muxes them, burn renders them)." };

    public Option<string?> Transcriber { get; } = new("--transcriber") { Description = "pocketsphinx (offline, default) | whisper | openai." };

    public Option<string> Language { get; } = new("--language") { Description = "Spoken language (ISO 639-1, e.g. en).", DefaultValueFactory = _ => "en" };

    public Option<string?> WhisperModel { get; } = new("--whisper-model") { Description = "whisper: path of the whisper.cpp model file." };

    public Option<string?> TranscriberUrl { get; } = new("--transcriber-url") { Description = "openai: base URL of an OpenAI-compatible API (the worker's SPOOL_TRANSCRIBER_KEY goes only to its SPOOL_TRANSCRIBER_URL)." };

    public Option<bool> Stabilize { get; } = new("--stabilize") { Description = "Two-pass stabilisation (vidstabdetect, vidstabtransform)." };

    public Option<string?> Color { get; } = new("--color") { Description = "auto (levels from signalstats) or eq settings, e.g. \"brightness=0.05:contrast=1.1:saturation=1.2\"." };

    public Option<bool> DenoiseVideo { get; } = new("--denoise-video") { Description = "hqdn3d denoise on the picture." };

    public OperationOptions()
    {
        Subtitles.AcceptOnlyFromAmong("sidecar", "soft", "burn");
        Transcriber.AcceptOnlyFromAmong("pocketsphinx", "whisper", "openai");
    }

    public IEnumerable<Option> All() =>
    [
        NormalizeAudio, Loudness, TruePeak, Lra, DenoiseAudio, Thumbnails, Sprite, Hls, HlsLadder, Export,
        Subtitles, Transcriber, Language, WhisperModel, TranscriberUrl, Stabilize, Color, DenoiseVideo,
    ];

    /// <summary>The settings these flags ask for, checked: a bad value is a usage error naming its flag.</summary>
    public OperationSettings Read(ParseResult parse)
    {
        var settings = new OperationSettings
        {
            NormalizeAudio = parse.GetValue(NormalizeAudio),
            Loudness = InRange(parse.GetValue(Loudness), -70, -5, "--loudness"),
            TruePeak = InRange(parse.GetValue(TruePeak), -9, 0, "--true-peak"),
            LoudnessRange = InRange(parse.GetValue(Lra), 1, 50, "--lra"),
            DenoiseAudio = parse.GetValue(DenoiseAudio),
            Thumbnails = (int)InRange(parse.GetValue(Thumbnails), 0, 100, "--thumbnails"),
            Sprite = parse.GetValue(Sprite),
            Hls = parse.GetValue(Hls) || parse.GetValue(HlsLadder) is not null,
            HlsLadder = parse.GetValue(HlsLadder),
            Subtitles = parse.GetValue(Subtitles) is { } mode ? Enum.Parse<SubtitleMode>(mode, ignoreCase: true) : null,
            Transcriber = parse.GetValue(Transcriber),
            Language = parse.GetValue(Language) is { Length: 2 or 3 } language && language.All(char.IsAsciiLetterLower)
                ? language
                : throw new UsageException("--language must be a lower-case ISO 639-1 code, e.g. en."),
            WhisperModel = parse.GetValue(WhisperModel),
            TranscriberUrl = parse.GetValue(TranscriberUrl),
            Stabilize = parse.GetValue(Stabilize),
            Color = parse.GetValue(Color),
            DenoiseVideo = parse.GetValue(DenoiseVideo),
        };
        OperationChecks.Validate(settings);
        return settings;
    }

    private static double InRange(double value, double min, double max, string flag) => value >= min && value <= max
        ? value
        : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{flag} must be between {min} and {max}."));
}
