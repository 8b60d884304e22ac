using Spool.Media.Capabilities;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Quality.Checks;

/// <summary>
/// QC's edge: probes the output and its reference, runs the ffmpeg passes of <see cref="QcPasses"/> through the
/// process runner, parses their logs (<see cref="QcLogParser"/>) and hands the measurements to
/// <see cref="QcEvaluator"/>. Expected problems (a corrupt output, a failed pass) come back as failed checks.
/// </summary>
public sealed class QualityChecker
{
    private readonly IProcessRunner runner;
    private readonly string ffmpegPath;
    private readonly Prober prober;
    private readonly bool hasVmaf;

    /// <summary>What the picture checks of an output whose video was copied from its reference say.</summary>
    public const string NotCompared = "not compared: the video stream is copied from the source unchanged (the SSIM of a bit-identical stream is 1)";

    public QualityChecker(IProcessRunner runner, string ffmpegPath, string ffprobePath, FfmpegCapabilities? capabilities)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentException.ThrowIfNullOrWhiteSpace(ffmpegPath);
        this.runner = runner;
        this.ffmpegPath = ffmpegPath;
        prober = new Prober(runner, ffprobePath);
        hasVmaf = capabilities?.HasFilter("libvmaf") == true;
    }

    /// <summary>
    /// Checks an output against its reference. <paramref name="referenceFilters"/> are the video filters the encode
    /// ran on the source (stabilise, colour): the reference goes through them too, so the output is compared with the
    /// picture it was meant to be. Without <paramref name="comparesPicture"/> (an output whose video was copied from the
    /// reference) the picture is not compared: the output is decoded alone, and the picture checks say why they have no value.
    /// </summary>
    public async Task<QcReport> CheckAsync(
        string output, string reference, QcThresholds thresholds, QcMode mode, CancellationToken cancellationToken, IReadOnlyList<string>? referenceFilters = null, bool comparesPicture = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(output);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        ArgumentNullException.ThrowIfNull(thresholds);
        var measured = await MeasureAsync(Path.GetFullPath(output), Path.GetFullPath(reference), mode, cancellationToken, referenceFilters, comparesPicture);
        return QcEvaluator.Evaluate(measured, thresholds, mode);
    }

    /// <summary>
    /// Quick QC of a batch's output from what its encode measured (<paramref name="encoder"/>) and the probe of the
    /// output that read every packet (<see cref="Prober.ProbePacketsAsync"/>): no process of its own. Integrity is
    /// the probe's error lines (a cut file's "partial file", damaged packets) plus every video or audio stream that
    /// holds fewer packets than its container's index promises. Subtitle tracks are left out of the count: MP4's
    /// mov_text lists the empty samples between cues, which the demuxer does not return as packets.
    /// </summary>
    public static QcReport CheckEncoded(
        MediaInfo outputMedia,
        PacketProbe packets,
        double? referenceDurationSeconds,
        EncoderMeasurement encoder,
        QcThresholds thresholds,
        PictureMethod method = PictureMethod.Encoder,
        bool audioCopied = false)
    {
        ArgumentNullException.ThrowIfNull(outputMedia);
        ArgumentNullException.ThrowIfNull(packets);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(thresholds);
        var (logged, loggedCount) = QcLogParser.ParseDecodeErrors(packets.Stderr);
        var missing = packets.Streams
            .Where(stream => stream is { Type: "video" or "audio", Declared: { } declared, Read: { } read } && read < declared)
            .Select(stream => $"stream {stream.Index} ({stream.Type ?? "unknown"}) holds {stream.Read} of the {stream.Declared} packets its index lists")
            .ToList();
        var measured = new QcMeasurements
        {
            DecodeErrors = [.. missing, .. logged],
            DecodeErrorCount = missing.Count + loggedCount,
            OutputDurationSeconds = outputMedia.EffectiveDuration,
            ReferenceDurationSeconds = referenceDurationSeconds,
            OutputSize = outputMedia.PrimaryVideo is { } video ? (video.DisplayWidth, video.DisplayHeight) : null,
            OutputBytes = outputMedia.SizeBytes,
            OutputHasAudio = outputMedia.AudioStreams.Count > 0,
            PeakDb = encoder.PeakDb,
            Ssim = encoder.Ssim,
            Psnr = encoder.Psnr,
            Method = method,
            AudioCopied = audioCopied,
        };
        return QcEvaluator.Evaluate(measured, thresholds, QcMode.Quick);
    }

    /// <summary>Everything QC measures, without judging it.</summary>
    public async Task<QcMeasurements> MeasureAsync(
        string output, string reference, QcMode mode, CancellationToken cancellationToken, IReadOnlyList<string>? referenceFilters = null, bool comparesPicture = true)
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
        if (referenceProbe is ProbeOutcome.Failed referenceFailed)
        {
            measured = measured with { ComparisonError = "the reference cannot be probed: " + referenceFailed.Error.Message };
            return await DecodeAsync(output, measured, mode, cancellationToken);
        }

        if (!comparesPicture)
        {
            return await DecodeAsync(output, measured with { ComparisonError = NotCompared }, mode, cancellationToken);
        }

        var (comparison, error) = QcPasses.PlanComparison(media, referenceMedia!, referenceFilters);
        if (comparison is null)
        {
            measured = measured with { ComparisonError = error };
            return await DecodeAsync(output, measured, mode, cancellationToken);
        }

        return await CheckAsync(output, reference, comparison, measured, mode, cancellationToken);
    }

    /// <summary>
    /// The one pass that reads output and reference together. A clean run settles everything; when it logged errors
    /// or did not finish, the output is decoded again on its own, so that a damaged reference never fails a good output.
    /// </summary>
    private async Task<QcMeasurements> CheckAsync(
        string output, string reference, QcComparison comparison, QcMeasurements measured, QcMode mode, CancellationToken cancellationToken)
    {
        var withVmaf = hasVmaf && mode == QcMode.Full;
        var arguments = QcPasses.CheckArguments(output, measured.OutputHasAudio, reference, comparison, mode, withVmaf);
        var result = await RunAsync(arguments, cancellationToken);
        measured = measured with
        {
            Ssim = QcLogParser.ParseSsim(result.Stderr),
            Psnr = mode == QcMode.Full ? QcLogParser.ParsePsnr(result.Stderr) : null,
            Vmaf = withVmaf ? QcLogParser.ParseVmaf(result.Stderr) : null,
        };
        var (_, count) = QcLogParser.ParseDecodeErrors(result.Stderr);
        if (result.Succeeded && count == 0)
        {
            return Metered(measured, result.Stderr, [], 0, mode);
        }

        measured = await DecodeAsync(output, measured, mode, cancellationToken);
        return result.Succeeded || measured.Ssim is not null
            ? measured
            : measured with { ComparisonError = "the comparison pass failed: " + Ended(result) };
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

        return Metered(measured, result.Stderr, errors, count, mode);
    }

    private static QcMeasurements Metered(QcMeasurements measured, string stderr, IReadOnlyList<string> errors, int count, QcMode mode)
    {
        var (lufs, truePeak) = mode == QcMode.Full ? QcLogParser.ParseEbur128(stderr) : (null, null);
        return measured with
        {
            DecodeErrors = errors,
            DecodeErrorCount = count,
            PeakDb = QcLogParser.ParseMaxVolume(stderr),
            IntegratedLufs = lufs,
            TruePeakDbtp = truePeak,
        };
    }

    private async Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        // No limits of its own: the runner it is given carries the job's (or, for 'spool qc', the defaults).
        var request = new ProcessRequest(ffmpegPath, arguments);
        var result = await runner.RunAsync(request, progress: null, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return result;
    }

    private static string Ended(ProcessResult result) => result.End == ProcessEnd.Exited
        ? $"ffmpeg exited with {result.ExitCode}: {result.StderrTail(1)}"
        : $"ffmpeg {result.End.ToString().ToLowerInvariant()}";
}

/// <summary>
/// What an encode measured of one of its outputs: libx264's SSIM and PSNR (<see cref="EncoderStats"/>), and the peak
/// of the audio the encoders were fed (a volumedetect in the encode's audio chain), in dBFS.
/// </summary>
public sealed record EncoderMeasurement(double? Ssim, double? Psnr, double? PeakDb);
