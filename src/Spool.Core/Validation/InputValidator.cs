using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Validation;

/// <summary>
/// The health check's edge. Quick: probe, then <see cref="QuickValidation"/> on what the probe saw and the size on
/// disk. Thorough: also decode every audio and video stream to nothing and report each decode error with the last
/// decoded time before it (<see cref="DecodeLog"/>); a file that decodes with errors, or not to the end, is corrupt.
/// </summary>
public sealed class InputValidator
{
    private readonly IProcessRunner runner;
    private readonly string ffmpeg;
    private readonly Prober prober;

    public InputValidator(IProcessRunner runner, string ffmpeg, string ffprobe)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentException.ThrowIfNullOrWhiteSpace(ffmpeg);
        this.runner = runner;
        this.ffmpeg = ffmpeg;
        prober = new Prober(runner, ffprobe);
    }

    /// <summary>
    /// The ffmpeg arguments of the thorough decode. Each log line carries its level, so errors stand apart from the
    /// showinfo markers: one decoded frame per stream every <see cref="MarkerSeconds"/>, whose pts_time dates the
    /// errors after it (<see cref="DecodeLog"/>). Progress still goes to stderr for the runner's stall watchdog; "?"
    /// keeps a file without audio (or video) from failing the map.
    /// </summary>
    public static IReadOnlyList<string> DecodeArguments(string path) =>
    [
        "-hide_banner", "-nostdin", "-loglevel", "level+info", "-nostats", "-progress", "pipe:2", "-stats_period", "0.1",
        "-i", "file:" + path, "-map", "0:v?", "-map", "0:a?",
        "-filter:v", $"select='{Sparse}',showinfo", "-filter:a", $"aselect='{Sparse}',ashowinfo", "-f", "null", "-",
    ];

    /// <summary>How far apart the decode's time markers are: the precision of a reported error time.</summary>
    public const double MarkerSeconds = 0.25;

    // The first frame, then each frame at least MarkerSeconds after the last one marked: a few lines a second,
    // however long the file.
    private const string Sparse = "isnan(prev_selected_t)+gte(t-prev_selected_t\\,0.25)";

    /// <summary>Quick or thorough check of one file; never throws for a bad file, only for cancellation.</summary>
    public async Task<FileValidation> ValidateAsync(string path, bool thorough, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var outcome = await prober.ProbeAsync(fullPath, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (outcome is not ProbeOutcome.Probed probed)
        {
            var error = ((ProbeOutcome.Failed)outcome).Error;
            return FileValidation.Of(fullPath, ValidationResult.FromProbeFailure(error), probe: null);
        }

        var result = QuickValidation.Check(probed.Media, SizeOnDisk(fullPath, probed.Media));
        if (thorough && result.Status is not (ValidationStatus.NotAVideo or ValidationStatus.NoVideoStream))
        {
            result = result.Then(await DecodeAsync(fullPath, cancellationToken));
        }

        return FileValidation.Of(fullPath, result, probed.Media);
    }

    /// <summary>
    /// The batch hook for --validate thorough: the full decode only, with <see cref="ValidationResult.AsError"/> for
    /// a rejected file. A batch has its input's probe already (one probe per input) and makes the quick check on it.
    /// </summary>
    public Task<ValidationResult> DecodeCheckAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return DecodeAsync(Path.GetFullPath(path), cancellationToken);
    }

    private async Task<ValidationResult> DecodeAsync(string path, CancellationToken cancellationToken)
    {
        // A decode that writes nothing (not even progress) is hung: the runner's limits (the job's, or the defaults
        // for 'spool validate') say for how long that may last.
        var request = new ProcessRequest(ffmpeg, DecodeArguments(path));
        var run = await runner.RunAsync(request, progress: null, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var errors = DecodeLog.Errors(run.Stderr);
        if (run.Succeeded && errors.Count == 0)
        {
            return ValidationResult.Ok();
        }

        if (run.End != ProcessEnd.Exited || run.ExitCode != 0)
        {
            var error = ErrorClassifier.Classify(run with { Stderr = DecodeLog.ErrorText(run.Stderr) });
            var category = error.Category is ErrorCategory.FfmpegFailed ? ErrorCategory.InputCorrupt : error.Category;
            var problems = errors.Count > 0 ? errors : [$"the full decode failed: {error.Message}"];
            return ValidationResult.Failed(category, problems);
        }

        return ValidationResult.Failed(ErrorCategory.InputCorrupt, errors);
    }

    private static long SizeOnDisk(string path, MediaInfo media)
    {
        try
        {
            return Operations.FileSizes.Of(path) ?? media.SizeBytes ?? 0;
        }
        catch (IOException)
        {
            return media.SizeBytes ?? 0;
        }
    }
}
