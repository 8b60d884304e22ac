using Spool.Core.Planning;
using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Steps.Cleanup;

/// <summary>
/// Clean-up's edge: runs the analysis passes a request needs (loudness, stabilisation, colour) through the process
/// runner and turns what they found into <see cref="EncodeAdjustments"/> for the planner. Only what was asked runs;
/// a source without audio skips the audio parts (a note, not an error). Filters that need no analysis (denoise,
/// manual colour) are added as they are. A failed pass comes back as its classified error.
/// </summary>
public sealed partial class CleanupAnalyzer
{
    private readonly IProcessRunner runner;
    private readonly string ffmpegPath;

    public CleanupAnalyzer(IProcessRunner runner, string ffmpegPath)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentException.ThrowIfNullOrWhiteSpace(ffmpegPath);
        this.runner = runner;
        this.ffmpegPath = ffmpegPath;
    }

    /// <summary>Whether the common filters the video passes read through may tone-map (as the plan's options say).</summary>
    public bool CanToneMap { get; init; } = true;

    /// <summary>Places the stabilisation transforms file under the job's lease (unfenced outside the queue).</summary>
    public Placement.FilePlacer Placer { get; init; } = Placement.FilePlacer.Unfenced;

    public async Task<CleanupPreparation> PrepareAsync(
        MediaInfo source, CleanupRequest request, string metadataFolder, string stem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(metadataFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(stem);
        var log = new PassLog();
        if (request.IsEmpty)
        {
            return log.Prepared([], []);
        }

        var audio = await AudioAsync(source, request, log, cancellationToken);
        if (log.Error is not null)
        {
            return log.Failed();
        }

        var video = await VideoAsync(source, request, metadataFolder, stem, log, cancellationToken);
        return log.Error is not null ? log.Failed() : log.Prepared(video, audio);
    }

    private async Task<IReadOnlyList<string>> AudioAsync(
        MediaInfo source, CleanupRequest request, PassLog log, CancellationToken cancellationToken)
    {
        if (request.Normalize is null && !request.DenoiseAudio)
        {
            return [];
        }

        if (source.PrimaryAudio is not { } audio)
        {
            log.Notes.Add("The source has no audio: audio normalisation and denoise were skipped.");
            return [];
        }

        IReadOnlyList<string> denoiseOnly = request.DenoiseAudio ? [AudioCleanup.Denoise(audio.SampleRate)] : [];
        if (request.Normalize is not { } target)
        {
            return denoiseOnly;
        }

        var result = await RunAsync(LoudnessPasses.AnalysisArguments(source.Path, audio, request.DenoiseAudio, target), log, cancellationToken);
        if (!result.Succeeded)
        {
            log.Error = ErrorClassifier.Classify(result);
            return [];
        }

        if (LoudnormLog.Parse(result.Stderr) is not { } measured)
        {
            log.Error = MediaError.Of(ErrorCategory.FfmpegFailed, "The loudness analysis printed no measurements: " + result.StderrTail(1));
            return [];
        }

        if (measured.IsSilent)
        {
            log.Timings.Add(new StepTiming("loudness_analysis", result.Elapsed.TotalSeconds, Silent));
            log.Notes.Add("The audio is silent: there is no loudness to normalise.");
            return denoiseOnly;
        }

        log.Timings.Add(new StepTiming("loudness_analysis", result.Elapsed.TotalSeconds, LoudnessPasses.Details(target, measured)));
        return LoudnessPasses.EncodeFilters(audio, request.DenoiseAudio, target, measured);
    }

    private static IReadOnlyDictionary<string, string> Silent { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["input_i"] = "-inf", ["normalization_type"] = "none" };

    private async Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments, PassLog log, CancellationToken cancellationToken)
    {
        var request = new ProcessRequest(ffmpegPath, arguments) { ParsesProgress = true };
        var result = await runner.RunAsync(request, progress: null, cancellationToken);
        log.Runs.Add(result);
        return result;
    }

    /// <summary>What the passes of one preparation collected; one per call, never shared.</summary>
    private sealed class PassLog
    {
        public List<ProcessResult> Runs { get; } = [];

        public List<StepTiming> Timings { get; } = [];

        public List<string> Notes { get; } = [];

        public MediaError? Error { get; set; }

        public CleanupPreparation Prepared(IReadOnlyList<string> video, IReadOnlyList<string> audio) => new()
        {
            Adjustments = new EncodeAdjustments { VideoFilters = video, AudioFilters = audio },
            Timings = Timings,
            Runs = Runs,
            Notes = Notes,
        };

        public CleanupPreparation Failed() => new() { Error = Error, Timings = Timings, Runs = Runs, Notes = Notes };
    }
}
