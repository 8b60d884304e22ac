using Spool.Media.Errors;
using Spool.Media.Processes;

namespace Spool.Core.Steps.Subtitles;

/// <summary>
/// A speech engine: 16 kHz mono PCM WAV in, timed text out. Engines differ in what they time (utterances, segments,
/// words); <see cref="CueSegmenter"/> makes cues of whatever they give. Expected failures (a missing model, an
/// unsupported language, a service that refuses) come back as the outcome's error, never as an exception.
/// </summary>
public interface ITranscriber
{
    /// <summary>The engine's name for reports: "pocketsphinx", "whisper" or "openai".</summary>
    string Name { get; }

    /// <param name="wav16kMono">A PCM WAV file, 16 kHz, one channel, 16-bit.</param>
    /// <param name="language">ISO 639-1 code ("en"); engines that cannot do it say so in the error.</param>
    /// <param name="progress">Optional: 0 to 1, for engines that can tell.</param>
    /// <param name="cancellationToken">Stops the engine.</param>
    Task<TranscriptOutcome> TranscribeAsync(string wav16kMono, string language, IProgress<double>? progress, CancellationToken cancellationToken);
}

/// <summary>What an engine recognised, in time order, or why it could not; the processes it ran, for the job's log.</summary>
public sealed record TranscriptOutcome
{
    public IReadOnlyList<SpeechSegment> Segments { get; init; } = [];

    public MediaError? Error { get; init; }

    public IReadOnlyList<ProcessResult> Runs { get; init; } = [];

    public bool Succeeded => Error is null;

    public static TranscriptOutcome Recognised(IReadOnlyList<SpeechSegment> segments, IReadOnlyList<ProcessResult> runs) =>
        new() { Segments = segments, Runs = runs };

    public static TranscriptOutcome Failed(MediaError error, IReadOnlyList<ProcessResult> runs) => new() { Error = error, Runs = runs };
}
