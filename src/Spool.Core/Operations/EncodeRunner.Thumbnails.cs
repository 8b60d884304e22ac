using Spool.Core.Planning;
using Spool.Media.Processes;

namespace Spool.Core.Operations;

/// <summary>
/// The report's thumbnail an encode writes beside its output (<see cref="EncodedThumbnail"/>): handed over to the
/// report step when its output is placed, deleted in every other case, so a failed, rejected or interrupted output
/// leaves no JPEG behind.
/// </summary>
internal sealed partial class EncodeRunner
{
    private async Task<JobResult> VerifyAndPlaceAsync(
        OutputPlan output, EncodeContext context, RunKind kind, ProcessResult run, EncodeMeasured measured, CancellationToken cancellationToken)
    {
        try
        {
            return await CheckAndPlaceAsync(output, context, kind, run, measured, cancellationToken);
        }
        finally
        {
            // Handed over already when the output was placed: then nothing is left under the partial name.
            DiscardThumbnail(output);
        }
    }

    // Before the job is committed, so a crash in between leaves only a partial the job's next holder sweeps. A plain
    // move, not a fenced placement: its output was placed under a lease confirmed a moment ago, and the JPEG is the
    // report's scratch, never an output (a frame that never came leaves no file, and the report makes its own).
    private void HandOverThumbnail(OutputPlan output)
    {
        if (output.Thumbnail is not { } thumbnail || !File.Exists(thumbnail.PartialPath))
        {
            return;
        }

        try
        {
            File.Move(thumbnail.PartialPath, EncodedThumbnail.HandedOverPath(output.FinalPath), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DiscardThumbnail(output);
        }
    }

    private void DiscardThumbnail(OutputPlan output)
    {
        if (output.Thumbnail is { } thumbnail)
        {
            fence.PlacerFor(output.PresetName).Discard(thumbnail.PartialPath);
        }
    }
}
