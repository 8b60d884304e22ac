using Spool.Media.Errors;
using Spool.Media.Processes;

namespace Spool.Core.Steps.Subtitles;

/// <summary>
/// whisper.cpp's command-line program (whisper-cli) with a ggml model the user has: far better than pocketsphinx and
/// multilingual, still offline. It writes "&lt;prefix&gt;.json" (-oj -of prefix), read by <see cref="WhisperJson"/>.
/// whisper-cli exits 0 even on an unknown option (it prints its usage), so a missing JSON file is the failure signal.
/// </summary>
public sealed class WhisperTranscriber : ITranscriber
{
    public const string InstallHint = "Build whisper.cpp (its whisper-cli program) and put it on PATH or set SPOOL_WHISPER_CLI; or use --transcriber pocketsphinx.";

    private readonly IProcessRunner runner;
    private readonly string whisperCliPath;
    private readonly string modelPath;

    public WhisperTranscriber(IProcessRunner runner, string whisperCliPath, string modelPath)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentException.ThrowIfNullOrWhiteSpace(whisperCliPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        this.runner = runner;
        this.whisperCliPath = whisperCliPath;
        this.modelPath = modelPath;
    }

    public string Name => "whisper";

    /// <summary>"-l auto" lets whisper detect the language; anything else is passed as the ISO 639-1 code.</summary>
    public static IReadOnlyList<string> Arguments(string modelPath, string wav, string language, string outputPrefix) =>
        ["-m", modelPath, "-f", wav, "-l", language.Trim().Split('-', '_')[0].ToLowerInvariant(), "-oj", "-of", outputPrefix, "-np"];

    public async Task<TranscriptOutcome> TranscribeAsync(string wav16kMono, string language, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(wav16kMono);
        ArgumentNullException.ThrowIfNull(language);
        var prefix = Path.ChangeExtension(wav16kMono, ".whisper");
        var json = prefix + ".json";
        try
        {
            File.Delete(json);
            var result = await runner.RunAsync(new ProcessRequest(whisperCliPath, Arguments(modelPath, wav16kMono, language, prefix)), null, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            if (result.End == ProcessEnd.FailedToStart)
            {
                return TranscriptOutcome.Failed(new MediaError(
                    ErrorCategory.Unsupported, $"whisper-cli could not be started: {result.Stderr.Trim()}", InstallHint), [result]);
            }

            if (!result.Succeeded || !File.Exists(json))
            {
                return TranscriptOutcome.Failed(Failure(result), [result]);
            }

            var segments = WhisperJson.Parse(await File.ReadAllTextAsync(json, cancellationToken));
            return segments is null
                ? TranscriptOutcome.Failed(MediaError.Of(ErrorCategory.FfmpegFailed, $"whisper-cli wrote a JSON file Spool cannot read: {json}"), [result])
                : TranscriptOutcome.Recognised(segments, [result]);
        }
        finally
        {
            File.Delete(json);
        }
    }

    private static MediaError Failure(ProcessResult result) => result.End switch
    {
        ProcessEnd.TimedOut or ProcessEnd.Stalled or ProcessEnd.Cancelled => ErrorClassifier.Classify(result),
        _ => new MediaError(
            ErrorCategory.FfmpegFailed,
            $"whisper-cli exited with code {result.ExitCode} and wrote no transcript: {result.StderrTail(3).ReplaceLineEndings(" ")}",
            "Check --whisper-model (a ggml model file for whisper.cpp) and that whisper-cli runs on its own."),
    };
}
