using Spool.Core.Steps.Cleanup;
using Spool.Core.Steps.Hls;

namespace Spool.Core.Operations;

/// <summary>The media operations of a request: ranges, grammars, and the checks that need more than one field.</summary>
public static partial class BatchSettingsBuilder
{
    private static OperationSettings Operations(BatchRequest request, FieldChecks checks, Func<string, bool> fileExists)
    {
        var defaults = OperationSettings.None;
        var subtitles = checks.Choice("subtitles", request.Subtitles, null, ["sidecar", "soft", "burn"]);
        var transcriber = checks.Choice("transcriber", request.Transcriber, null, ["pocketsphinx", "whisper", "openai"]);
        var language = request.Language ?? defaults.Language;
        if (language is not { Length: 2 or 3 } || !language.All(char.IsAsciiLetterLower))
        {
            checks.Add("language", "must be a lower-case ISO 639-1 code, e.g. en.");
        }

        if (request.Color is { } color && ColorRequest.Parse(color).Error is { } colorError)
        {
            checks.Add("color", colorError);
        }

        if (request.HlsLadder is { } ladder && HlsLadder.Parse(ladder) is HlsLadderParse.Invalid invalid)
        {
            checks.Add("hls_ladder", invalid.Message);
        }

        CheckTranscriber(request, transcriber, checks, fileExists);
        return new OperationSettings
        {
            NormalizeAudio = request.NormalizeAudio,
            Loudness = checks.Number("loudness", request.Loudness ?? defaults.Loudness, -70, -5),
            TruePeak = checks.Number("true_peak", request.TruePeak ?? defaults.TruePeak, -9, 0),
            LoudnessRange = checks.Number("lra", request.LoudnessRange ?? defaults.LoudnessRange, 1, 50),
            DenoiseAudio = request.DenoiseAudio,
            Thumbnails = checks.Whole("thumbnails", request.Thumbnails ?? 0, 0, 100),
            Sprite = request.Sprite,
            Hls = request.Hls || request.HlsLadder is not null,
            HlsLadder = request.HlsLadder,
            Subtitles = subtitles is null ? null : Enum.Parse<SubtitleMode>(subtitles, ignoreCase: true),
            Transcriber = transcriber,
            Language = language,
            WhisperModel = request.WhisperModel,
            TranscriberUrl = request.TranscriberUrl,
            Stabilize = request.Stabilize,
            Color = request.Color,
            DenoiseVideo = request.DenoiseVideo,
        };
    }

    // The transcriber's settings mean something only with subtitles, and each engine needs its own: a model file
    // that exists here (an absolute path, so a worker elsewhere finds the same one), or an endpoint.
    private static void CheckTranscriber(BatchRequest request, string? transcriber, FieldChecks checks, Func<string, bool> fileExists)
    {
        if (request.Subtitles is null && (request.Transcriber is not null || request.WhisperModel is not null || request.TranscriberUrl is not null))
        {
            checks.Add("subtitles", "transcriber, whisper_model and transcriber_url need subtitles: sidecar, soft or burn.");
        }

        if (transcriber == "whisper" && request.WhisperModel is null)
        {
            checks.Add("whisper_model", "the whisper transcriber needs the path of a whisper.cpp model file.");
        }

        if (request.WhisperModel is { } model && (!Path.IsPathFullyQualified(model) || !fileExists(model)))
        {
            checks.Add("whisper_model", Path.IsPathFullyQualified(model) ? $"'{model}' does not exist." : $"'{model}' is not an absolute path.");
        }

        if (transcriber == "openai" && !Uri.TryCreate(request.TranscriberUrl, UriKind.Absolute, out _))
        {
            checks.Add("transcriber_url", "the openai transcriber needs the base URL of an OpenAI-compatible API, e.g. https://api.openai.com (the key comes from SPOOL_TRANSCRIBER_KEY).");
        }
    }
}
