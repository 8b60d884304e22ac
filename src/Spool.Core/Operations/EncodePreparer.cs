using Spool.Core.Planning;
using Spool.Core.Steps.Cleanup;
using Spool.Core.Steps.Subtitles;
using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Operations;

/// <summary>What the encode changes for this input, the analysis passes behind it, or why the encodes cannot run.</summary>
internal sealed record PreparedEncode(EncodeAdjustments Adjustments, IReadOnlyList<OperationRecord> Records, MediaError? Error);

/// <summary>
/// Turns a batch's <see cref="OperationSettings"/> into <see cref="EncodeAdjustments"/> for one input: runs the
/// analysis passes (loudness, stabilisation, colour), and adds the subtitles the subtitles step wrote (muxed for
/// soft, burned for burn). Soft or burned subtitles that do not exist fail the encodes: an output without the text
/// the user asked to put in it is not the output they asked for.
/// </summary>
internal sealed class EncodePreparer(IProcessRunner runner, string ffmpegPath, OperationSettings operations, bool canToneMap)
{
    public async Task<PreparedEncode> PrepareAsync(MediaInfo source, string folder, string stem, JobLog log, IReadOnlyList<string> presets, Placement.FilePlacer placer, CancellationToken cancellationToken)
    {
        var adjustments = EncodeAdjustments.None;
        var records = new List<OperationRecord>();
        var color = operations.Color is { } text ? ColorRequest.Parse(text) : null;
        if (color?.Error is { } colorError)
        {
            // Checked when the batch was submitted; a stored batch edited since fails its encodes, not silently.
            return new PreparedEncode(adjustments, records, MediaError.Of(ErrorCategory.Unsupported, "--color: " + colorError));
        }

        var request = new CleanupRequest(
            operations.NormalizeAudio ? new LoudnessTarget(operations.Loudness, operations.TruePeak, operations.LoudnessRange) : null,
            operations.DenoiseAudio,
            operations.Stabilize,
            color?.Request,
            operations.DenoiseVideo);
        if (!request.IsEmpty)
        {
            var prepared = await new CleanupAnalyzer(runner, ffmpegPath) { CanToneMap = canToneMap, Placer = placer }.PrepareAsync(source, request, Path.Combine(folder, "metadata"), stem, cancellationToken);
            foreach (var run in prepared.Runs)
            {
                await log.AppendRunAsync(presets, "analysis", run);
            }

            records.AddRange(prepared.Timings.Select(timing => new OperationRecord(timing.Name, Math.Round(timing.Seconds, 3), timing.Details)));
            if (prepared.Notes.Count > 0)
            {
                await log.AppendAsync(presets, string.Concat(prepared.Notes.Select(note => "# note: " + note + "\n")));
            }

            if (prepared.Error is { } error)
            {
                return new PreparedEncode(adjustments, records, error);
            }

            adjustments = prepared.Adjustments;
        }

        if (operations.Subtitles is SubtitleMode.Soft or SubtitleMode.Burn)
        {
            var srt = SubtitlesStep.SrtPath(folder, stem);
            if (!File.Exists(srt))
            {
                return new PreparedEncode(adjustments, records, new MediaError(
                    ErrorCategory.Unsupported,
                    $"No subtitles to {(operations.Subtitles == SubtitleMode.Soft ? "mux" : "burn")}: the subtitles step did not write {Path.GetFileName(srt)}.",
                    "See the subtitles job's error; fix it and run 'spool retry'."));
            }

            adjustments = adjustments.Then(operations.Subtitles == SubtitleMode.Soft
                ? new EncodeAdjustments { SubtitleTrackPath = srt, SubtitleLanguage = SubtitleFilters.MovTextLanguage(operations.Language) }
                : new EncodeAdjustments { VideoFilters = [SubtitleFilters.Burn(srt)] });
            records.Add(new OperationRecord("subtitles_" + operations.Subtitles.Value.ToString().ToLowerInvariant(), 0, new Dictionary<string, string>(StringComparer.Ordinal) { ["file"] = srt }));
        }

        return new PreparedEncode(adjustments, records, null);
    }
}
