using Spool.Media.Commands;
using Spool.Media.Errors;
using Spool.Media.Processes;

namespace Spool.Core.Steps.Subtitles;

/// <summary>
/// Offline English speech recognition through ffmpeg's asr filter (CMU pocketsphinx) with Debian's
/// pocketsphinx-en-us model. One ffmpeg pass: the audio is padded with a second of silence (the filter reports an
/// utterance only when its voice detector hears it end, so speech running to the end would be lost), silencedetect
/// marks the pauses, asr recognises, and ametadata prints both to a file that <see cref="PocketsphinxLog"/> reads.
/// The file, not stdout, because stdout carries "-progress" (two writers on one pipe could interleave mid-line).
/// </summary>
public sealed class PocketsphinxTranscriber : ITranscriber
{
    /// <summary>Where Debian's pocketsphinx-en-us puts the model.</summary>
    public const string DebianModelFolder = "/usr/share/pocketsphinx/model/en-us";

    private readonly IProcessRunner runner;
    private readonly string ffmpegPath;
    private readonly string modelFolder;

    public PocketsphinxTranscriber(IProcessRunner runner, string ffmpegPath, string modelFolder)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentException.ThrowIfNullOrWhiteSpace(ffmpegPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelFolder);
        this.runner = runner;
        this.ffmpegPath = ffmpegPath;
        this.modelFolder = modelFolder;
    }

    public string Name => "pocketsphinx";

    /// <summary>True when the folder holds the acoustic model, the dictionary and the language model.</summary>
    public static bool HasModel(string folder) =>
        Directory.Exists(Path.Combine(folder, "en-us"))
        && File.Exists(Path.Combine(folder, "cmudict-en-us.dict"))
        && File.Exists(Path.Combine(folder, "en-us.lm.bin"));

    /// <summary>The model has English only: "en", "en-US", "en_GB" and "eng" are English.</summary>
    public static bool Supports(string language) =>
        language.Trim().Split('-', '_')[0].ToUpperInvariant() is "EN" or "ENG";

    /// <summary>Where the asr filter prints what it heard: beside the speech file.</summary>
    public static string MetadataFileFor(string wav) => Path.ChangeExtension(wav, ".asr.txt");

    public static IReadOnlyList<string> Arguments(string wav, string metadataFile, string modelFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(wav);
        ArgumentException.ThrowIfNullOrWhiteSpace(metadataFile);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelFolder);
        Filter[] filters =
        [
            new("apad", ("pad_dur", "1")),
            new("silencedetect", ("noise", "-35dB"), ("duration", "0.25")),
            new("asr", ("rate", "16000"), ("hmm", Path.Combine(modelFolder, "en-us")),
                ("dict", Path.Combine(modelFolder, "cmudict-en-us.dict")), ("lm", Path.Combine(modelFolder, "en-us.lm.bin"))),
            new("ametadata", ("mode", "print"), ("file", FfmpegCommandRenderer.FilePath(metadataFile))),
        ];
        var graph = FfmpegCommandRenderer.RenderGraph(new FilterGraph([new FilterChain([], filters, [])]));
        return
        [
            "-hide_banner", "-y", "-v", "error", "-progress", "pipe:1", "-nostats",
            "-i", FfmpegCommandRenderer.FilePath(wav), "-af", graph, "-f", "null", "-",
        ];
    }

    public async Task<TranscriptOutcome> TranscribeAsync(string wav16kMono, string language, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(wav16kMono);
        ArgumentNullException.ThrowIfNull(language);
        if (!Supports(language))
        {
            return TranscriptOutcome.Failed(UnsupportedLanguage(language), []);
        }

        var metadataFile = MetadataFileFor(wav16kMono);
        try
        {
            var request = new ProcessRequest(ffmpegPath, Arguments(wav16kMono, metadataFile, modelFolder)) { ParsesProgress = true };
            var seconds = Wav16kMono.DurationSeconds(wav16kMono);
            var relay = new ProgressRelay(p => progress?.Report(seconds > 0 ? Math.Clamp(p.OutTime.TotalSeconds / seconds, 0, 1) : 0));
            var result = await runner.RunAsync(request, relay, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            if (!result.Succeeded)
            {
                return TranscriptOutcome.Failed(ErrorClassifier.Classify(result), [result]);
            }

            var metadata = File.Exists(metadataFile) ? await File.ReadAllTextAsync(metadataFile, cancellationToken) : "";
            return TranscriptOutcome.Recognised(PocketsphinxLog.Parse(metadata), [result]);
        }
        finally
        {
            File.Delete(metadataFile);
        }
    }

    public static MediaError UnsupportedLanguage(string language) => new(
        ErrorCategory.Unsupported,
        $"pocketsphinx recognises English only; --language {language} needs another engine.",
        "Use --transcriber whisper --whisper-model PATH (a multilingual ggml model) or --transcriber openai.");
}
