using System.Globalization;
using Spool.Core.Steps.Audio;
using Spool.Media.Errors;
using Spool.Media.Processes;

namespace Spool.Core.Steps.Subtitles;

/// <summary>
/// Subtitles from speech: the source's first audio stream is extracted as 16 kHz mono WAV (into metadata/, removed
/// afterwards), transcribed by the chosen engine, cut into cues by <see cref="CueSegmenter"/>, and written as
/// &lt;name&gt;/subtitles/&lt;name&gt;.srt and .vtt (under .partial names, then renamed). Speech with no words
/// recognised still succeeds, with empty but valid files and "cues" = "0" in the details: the run did what it could,
/// and a silent video is not an error. A source without audio fails as "unsupported".
/// </summary>
public sealed class SubtitlesStep : IMediaStep
{

    private readonly IProcessRunner runner;
    private readonly string ffmpegPath;
    private readonly ITranscriber transcriber;
    private readonly string language;

    public SubtitlesStep(IProcessRunner runner, string ffmpegPath, ITranscriber transcriber, string language)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentException.ThrowIfNullOrWhiteSpace(ffmpegPath);
        ArgumentNullException.ThrowIfNull(transcriber);
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        this.runner = runner;
        this.ffmpegPath = ffmpegPath;
        this.transcriber = transcriber;
        this.language = language;
    }

    public string Name => "subtitles";

    /// <summary>Where the step writes: &lt;output&gt;/&lt;name&gt;/subtitles/&lt;stem&gt;.srt (and .vtt beside it).</summary>
    public static string SrtPath(string outputFolder, string stem) => Path.Combine(outputFolder, "subtitles", stem + ".srt");

    /// <summary>The 16 kHz mono speech the transcriber reads, under metadata/ while the step runs.</summary>
    public static string SpeechPath(string metadataFolder, string stem) => Path.Combine(metadataFolder, stem + ".speech.wav");

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Source.PrimaryAudio is not { } audio)
        {
            return StepOutcome.Failed(new MediaError(
                ErrorCategory.Unsupported,
                $"'{Path.GetFileName(context.Source.Path)}' has no audio to transcribe.",
                "Subtitles from speech need an audio track; leave --subtitles off for this input."), []);
        }

        Directory.CreateDirectory(context.MetadataFolder);
        var wav = context.Placer.PartialFor(SpeechPath(context.MetadataFolder, context.Stem));
        try
        {
            var extract = await runner.RunAsync(
                new ProcessRequest(ffmpegPath, AudioExtract.Arguments(context.Source.Path, wav, audio.Index)) { ParsesProgress = true },
                null,
                cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            if (!extract.Succeeded)
            {
                return StepOutcome.Failed(ErrorClassifier.Classify(extract), [extract]);
            }

            context.Progress?.Report(0.05);
            var transcript = await transcriber.TranscribeAsync(wav, language, Scaled(context.Progress), cancellationToken);
            IReadOnlyList<ProcessResult> runs = [extract, .. transcript.Runs];
            if (transcript.Error is { } error)
            {
                return StepOutcome.Failed(error, runs);
            }

            var cues = CueSegmenter.Segment(transcript.Segments);
            var srt = SrtPath(context.OutputFolder, context.Stem);
            var vtt = Path.ChangeExtension(srt, ".vtt");
            Directory.CreateDirectory(Path.GetDirectoryName(srt)!);
            foreach (var (path, text) in new[] { (srt, SubtitleWriter.ToSrt(cues)), (vtt, SubtitleWriter.ToVtt(cues)) })
            {
                if ((await context.Placer.WriteTextAsync(path, text, cancellationToken)).Error is { } unplaced)
                {
                    return StepOutcome.Failed(unplaced, runs);
                }
            }

            context.Progress?.Report(1);
            return StepOutcome.Done([srt, vtt], runs) with
            {
                Details = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["engine"] = transcriber.Name,
                    ["language"] = language,
                    ["cues"] = cues.Count.ToString(CultureInfo.InvariantCulture),
                },
            };
        }
        finally
        {
            context.Placer.Discard(wav);
        }
    }

    private static IProgress<double>? Scaled(IProgress<double>? progress) =>
        progress is null ? null : new FractionRelay(value => progress.Report(0.05 + (0.9 * value)));

    private sealed class FractionRelay(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
