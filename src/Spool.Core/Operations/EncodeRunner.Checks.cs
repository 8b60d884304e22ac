using System.Globalization;
using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Core.Quality;
using Spool.Core.Quality.Checks;
using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Operations;

/// <summary>The check of a written output (quick or full QC) and what becomes of an output that fails it.</summary>
internal sealed partial class EncodeRunner
{
    // QC on the written output; thresholds come from the preset (a 480p mobile encode is not held to an archival bar)
    // and the plan (the resolution it promised). Quick QC takes the picture from the encoder's own measurement where
    // it has one it can trust for this output, and otherwise compares with the source, as full QC always does.
    private async Task<OutputCheck> QualityCheckAsync(
        OutputPlan output, EncodeContext context, OutputCheck check, QcMode mode, bool knownTiming, EncoderMeasurement? encoder, MediaInfo written, PacketProbe? packets, CancellationToken cancellationToken)
    {
        var preset = settings.Presets.First(p => p.Name == output.PresetName);
        var video = context.Source.PrimaryVideo!;
        var concrete = AutoPreset.ForSource(preset, video.DisplayWidth, video.DisplayHeight);
        if (mode == QcMode.Quick && encoder is not null && packets is not null)
        {
            // The encoder measured against the picture it was fed (tone-mapped, filtered, at its own frame times), so
            // HDR sources and unknown timing need no exception here, only the duration's.
            var encoded = settings.QcBars.Apply(QcThresholds.ForEncoder(concrete) with
            {
                ExpectResolution = (output.Width, output.Height),
                MaxDurationDeltaSeconds = knownTiming ? QcThresholds.Default.MaxDurationDeltaSeconds : context.Source.EffectiveDuration ?? 0,
                MaxPeakDb = null,
            });
            if (output.Method != OutputMethod.Encode)
            {
                // A copied video stream is the source's, bit for bit (and copied audio too): nothing to measure there.
                encoded = encoded with { MinSsim = null, MinPsnr = null };
            }

            var measured = QualityChecker.CheckEncoded(
                written, packets, context.Source.TimelineDuration, encoder, encoded, output.Method == OutputMethod.Encode ? PictureMethod.Encoder : PictureMethod.Copy, audioCopied: output.Method == OutputMethod.Copy);
            return check with { Passed = measured.Passed, Checks = measured.Checks, Warned = !measured.Passed && settings.QcWarnOnly };
        }

        var thresholds = settings.QcBars.Apply(QcThresholds.ForPreset(concrete) with
        {
            ExpectResolution = (output.Width, output.Height),
            MaxDurationDeltaSeconds = knownTiming ? QcThresholds.Default.MaxDurationDeltaSeconds : context.Source.EffectiveDuration ?? 0,

            // A source already at full scale is not the encode's fault; batches report the peak without judging it.
            MaxPeakDb = null,
        });
        if (video.IsHdr || !knownTiming)
        {
            // A tone-mapped SDR picture is meant to differ from its HDR source, and frames without timing cannot be
            // paired with the source's: SSIM/PSNR are then measured where possible, not judged.
            thresholds = thresholds with { MinSsim = null, MinPsnr = null };
        }

        if (output.Method != OutputMethod.Encode)
        {
            // A copied video stream is the source's, bit for bit: its SSIM is 1 by construction, so the picture is not compared.
            thresholds = thresholds with { MinSsim = null, MinPsnr = null, MinVmaf = null };
        }

        var report = await quality.CheckAsync(output.PartialPath, context.Input.Path, thresholds, mode, cancellationToken, context.SourceFilters, comparesPicture: output.Method == OutputMethod.Encode);
        return check with { Passed = report.Passed, Checks = report.Checks, Warned = !report.Passed && settings.QcWarnOnly };
    }

    /// <summary>"/out/a/video/a_web.mp4" → "/out/a/video/a_web.qc-failed.mp4".</summary>
    public static string QcFailedPath(string finalPath) =>
        Path.Combine(Path.GetDirectoryName(finalPath)!, Path.GetFileNameWithoutExtension(finalPath) + ".qc-failed" + Path.GetExtension(finalPath));

    // A failed check never destroys the user's work: the output is placed (fenced, like a final one) beside its final
    // name, and the error says where. --qc-policy discard deletes it instead.
    private async Task<JobResult> KeepFailedAsync(OutputPlan output, EncodeContext context, RunKind kind, ProcessResult run, OutputCheck check)
    {
        var problems = string.Join("; ", check.Problems.Concat(check.Checks.Where(c => !c.Passed).Select(Describe)));
        if (settings.QcDiscard)
        {
            Discard([output]);
            var discarded = MediaError.Of(ErrorCategory.QcFailed, $"The output failed its check: {problems}. It was deleted (--qc-policy discard).");
            return Failed(context, output, kind, discarded, run) with { Qc = check };
        }

        var kept = QcFailedPath(output.FinalPath);
        var placed = await fence.PlacerFor(output.PresetName).PlaceFileAsync(output.PartialPath, kept, CancellationToken.None);
        var where = placed.Error is null ? $"It is kept as {kept}." : $"It could not be kept: {placed.Error.Message}";
        var error = MediaError.Of(ErrorCategory.QcFailed, $"The output failed its check: {problems}. {where}");
        return Failed(context, output, kind, error, run) with
        {
            Qc = check,
            Output = placed.Error is null ? kept : null,
            OutputBytes = placed.Error is null ? FileSizes.Of(kept) : null,
        };
    }

    // A remux that fails its check is the source's damage copied as it is: it is not kept, and the output is encoded instead.
    private JobResult RemuxFailed(OutputPlan output, EncodeContext context, RunKind kind, ProcessResult run, OutputCheck check)
    {
        Discard([output]);
        var problems = string.Join("; ", check.Problems.Concat(check.Checks.Where(c => !c.Passed).Select(Describe)));
        return Failed(context, output, kind, MediaError.Of(ErrorCategory.QcFailed, $"The remuxed output failed its check: {problems}."), run) with { Qc = check };
    }

    private static string Describe(QcCheck check) =>
        check.Detail is { Length: > 0 } detail ? $"{check.Name}: {detail}" : string.Create(CultureInfo.InvariantCulture, $"{check.Name} {check.Value:0.####} (threshold {check.Threshold:0.####})");
}
