using Spool.Media.Capabilities;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Quality.Checks;

/// <summary>
/// QC's edge: probes the output and its reference, runs the two ffmpeg passes of <see cref="QcPasses"/> through the
/// process runner, parses their logs (<see cref="QcLogParser"/>) and hands the measurements to
/// <see cref="QcEvaluator"/>. Expected problems (a corrupt output, a failed pass) come back as failed checks.
/// </summary>
public sealed class QualityChecker
{
    /// <summary>A pass that prints nothing for this long is stuck (progress lines come four times a second).</summary>
    public static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(120);

    private readonly IProcessRunner runner;
    private readonly string ffmpegPath;
    private readonly Prober prober;
    private readonly bool hasVmaf;

    public QualityChecker(IProcessRunner runner, string ffmpegPath, string ffprobePath, FfmpegCapabilities? capabilities)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentException.ThrowIfNullOrWhiteSpace(ffmpegPath);
        this.runner = runner;
        this.ffmpegPath = ffmpegPath;
        prober = new Prober(runner, ffprobePath);
        hasVmaf = capabilities?.HasFilter("libvmaf") == true;
    }

    public async Task<QcReport> CheckAsync(
        string output, string reference, QcThresholds thresholds, QcMode mode, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(output);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        ArgumentNullException.ThrowIfNull(thresholds);
        var measured = await MeasureAsync(Path.GetFullPath(output), Path.GetFullPath(reference), mode, cancellationToken);
        return QcEvaluator.Evaluate(measured, thresholds, mode);
    }

    /// <summary>Everything QC measures, without judging it.</summary>
    public async Task<QcMeasurements> MeasureAsync(string output, string reference, QcMode mode, CancellationToken cancellationToken)
    {
        var outputProbe = await prober.ProbeAsync(output, cancellationToken);
        var referenceProbe = await prober.ProbeAsync(reference, cancellationToken);
        var referenceMedia = (referenceProbe as ProbeOutcome.Probed)?.Media;
        var measured = new QcMeasurements
        {
            ReferenceDurationSeconds = referenceMedia?.TimelineDuration,
            ReferenceBytes = referenceMedia?.SizeBytes,
        };
        if (outputProbe is ProbeOutcome.Failed failed)
        {
            return measured with
            {
                DecodeErrors = ["the output cannot be probed: " + failed.Error.Message],
                DecodeErrorCount = 1,
                ComparisonError = "the output cannot be probed",
            };
        }

        var media = ((ProbeOutcome.Probed)outputProbe).Media;
        measured = measured with
        {
            OutputDurationSeconds = media.EffectiveDuration,
            OutputSize = media.PrimaryVideo is { } video ? (video.DisplayWidth, video.DisplayHeight) : null,
            OutputBytes = media.SizeBytes,
            OutputHasAudio = media.AudioStreams.Count > 0,
        };
        measured = await DecodeAsync(output, measured, mode, cancellationToken);
        if (referenceProbe is ProbeOutcome.Failed referenceFailed)
        {
            return measured with { ComparisonError = "the reference cannot be probed: " + referenceFailed.Error.Message };
        }

        return await CompareAsync(output, media, reference, referenceMedia!, measured, mode, cancellationToken);
    }

    private async Task<QcMeasurements> DecodeAsync(string output, QcMeasurements measured, QcMode mode, CancellationToken cancellationToken)
    {
        var arguments = QcPasses.DecodeArguments(output, measured.OutputHasAudio, mode);
        var result = await RunAsync(arguments, cancellationToken);
        var (errors, count) = QcLogParser.ParseDecodeErrors(result.Stderr);
        if (!result.Succeeded && count == 0)
        {
            // ffmpeg gave up without an error-level line (a timeout, a stall): the decode did not finish, so it failed.
            (errors, count) = ([Ended(result)], 1);
        }

        var (lufs, truePeak) = mode == QcMode.Full ? QcLogParser.ParseEbur128(result.Stderr) : (null, null);
        return measured with
        {
            DecodeErrors = errors,
            DecodeErrorCount = count,
            PeakDb = QcLogParser.ParseMaxVolume(result.Stderr),
            IntegratedLufs = lufs,
            TruePeakDbtp = truePeak,
        };
    }

    private async Task<QcMeasurements> CompareAsync(
        string output, MediaInfo outputMedia, string reference, MediaInfo referenceMedia, QcMeasurements measured, QcMode mode, CancellationToken cancellationToken)
    {
        var (comparison, skipped, error) = QcPasses.PlanComparison(outputMedia, referenceMedia);
        if (comparison is null)
        {
            return measured with { ComparisonSkipped = skipped, ComparisonError = error };
        }

        var withVmaf = hasVmaf && mode == QcMode.Full;
        var result = await RunAsync(QcPasses.CompareArguments(output, reference, comparison, mode, withVmaf), cancellationToken);
        return measured with
        {
            Ssim = QcLogParser.ParseSsim(result.Stderr),
            Psnr = mode == QcMode.Full ? QcLogParser.ParsePsnr(result.Stderr) : null,
            Vmaf = withVmaf ? QcLogParser.ParseVmaf(result.Stderr) : null,
            ComparisonError = result.Succeeded ? null : "the comparison pass failed: " + Ended(result),
        };
    }

    private async Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var request = new ProcessRequest(ffmpegPath, arguments) { StallTimeout = StallTimeout };
        var result = await runner.RunAsync(request, progress: null, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return result;
    }

    private static string Ended(ProcessResult result) => result.End == ProcessEnd.Exited
        ? $"ffmpeg exited with {result.ExitCode}: {result.StderrTail(1)}"
        : $"ffmpeg {result.End.ToString().ToLowerInvariant()}";
}
