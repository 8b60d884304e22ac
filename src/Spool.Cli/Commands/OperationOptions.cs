using System.CommandLine;
using Spool.Core.Operations;

namespace Spool.Cli.Commands;

/// <summary>The media-operation flags of process and submit (issue 5), defined once; each is also a --config key.</summary>
internal sealed class OperationOptions
{
    public Option<bool> NormalizeAudio { get; } = new("--normalize-audio") { Description = "Two-pass EBU R128 loudness normalisation (loudnorm, linear)." };

    public Option<double?> Loudness { get; } = NumberOptions.Decimal("--loudness", "Target integrated loudness in LUFS (-70 to -5, default -16).");

    public Option<double?> TruePeak { get; } = NumberOptions.Decimal("--true-peak", "Target maximum true peak in dBTP (-9 to 0, default -1.5).");

    public Option<double?> Lra { get; } = NumberOptions.Decimal("--lra", "Target loudness range in LU (1 to 50, default 11).");

    public Option<bool> DenoiseAudio { get; } = new("--denoise-audio") { Description = "High-pass, low-pass and FFT denoise (afftdn) on the audio." };

    public Option<int?> Thumbnails { get; } = NumberOptions.Whole("--thumbnails", null, "Write N (up to 100) representative JPEG frames per input into <name>/thumbnails/.");

    public Option<bool> Sprite { get; } = new("--sprite") { Description = "Write a sprite sheet and a WebVTT thumbnail track (#xywh= cues)." };

    public Option<bool> Hls { get; } = new("--hls") { Description = "Package each input as an adaptive HLS ladder in <name>/hls/ (master.m3u8)." };

    public Option<string?> HlsLadder { get; } = new("--hls-ladder") { Description = "HLS rungs by height, e.g. 1080,720,360 (default: every rung from 1080 to 360 not above the source)." };

    public Option<string?> Export { get; } = new("--export") { Description = "Platform exports, e.g. youtube,instagram,tiktok (adds those canvas presets)." };

    public Option<string?> Subtitles { get; } = new("--subtitles") { Description = "sidecar | soft | burn: subtitles from speech (SRT + WebVTT; soft muxes them, burn renders them)." };

    public Option<string?> Transcriber { get; } = new("--transcriber") { Description = "pocketsphinx (offline, default) | whisper | openai." };

    public Option<string?> Language { get; } = new("--language") { Description = "Spoken language (ISO 639-1, default en)." };

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

    /// <summary>These flags' values added to <paramref name="request"/>, as given (the builder checks them); a model path becomes absolute.</summary>
    public BatchRequest Read(ParseResult parse, BatchRequest request, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(request);
        return request with
        {
            NormalizeAudio = parse.GetValue(NormalizeAudio),
            Loudness = parse.GetValue(Loudness),
            TruePeak = parse.GetValue(TruePeak),
            LoudnessRange = parse.GetValue(Lra),
            DenoiseAudio = parse.GetValue(DenoiseAudio),
            Thumbnails = parse.GetValue(Thumbnails),
            Sprite = parse.GetValue(Sprite),
            Hls = parse.GetValue(Hls),
            HlsLadder = parse.GetValue(HlsLadder),
            Subtitles = parse.GetValue(Subtitles),
            Transcriber = parse.GetValue(Transcriber),
            Language = parse.GetValue(Language),
            WhisperModel = parse.GetValue(WhisperModel) is { } model ? Path.GetFullPath(model, workingDirectory) : null,
            TranscriberUrl = parse.GetValue(TranscriberUrl),
            Stabilize = parse.GetValue(Stabilize),
            Color = parse.GetValue(Color),
            DenoiseVideo = parse.GetValue(DenoiseVideo),
        };
    }
}
