using Spool.Core.Planning;
using Spool.Media.Errors;

namespace Spool.Core.Operations;

/// <summary>
/// Outputs the planner found identical to another (the same command but for the path) are not encoded again: each is
/// copied from the placed, verified file and placed and committed as its own job, under its own lease.
/// </summary>
internal sealed partial class EncodeRunner
{
    private async Task<IReadOnlyDictionary<string, JobResult>> WithCopiesAsync(
        WorkPlan plan, Dictionary<string, JobResult> results, EncodeContext context, CancellationToken cancellationToken)
    {
        foreach (var copy in plan.Outputs.Where(output => output.DuplicateOf is not null))
        {
            results[copy.PresetName] = await CopyAsync(copy, results[copy.DuplicateOf!], context, cancellationToken);
        }

        return results;
    }

    private async Task<JobResult> CopyAsync(OutputPlan copy, JobResult encoded, EncodeContext context, CancellationToken cancellationToken)
    {
        var from = encoded.Preset;
        if (encoded.Status != JobStatus.Succeeded || encoded.Output is not { } source)
        {
            // A QC-failed output kept beside its final name stays the encoded job's alone: one such file is enough.
            var error = encoded.Error ?? MediaError.Of(ErrorCategory.Internal, "The encode it shares ended without a result.");
            await context.Log.AppendAsync([copy.PresetName], $"# identical to {from}'s output, whose encode failed: not copied\n");
            return encoded with
            {
                Preset = copy.PresetName,
                Status = encoded.Status == JobStatus.Cancelled ? JobStatus.Cancelled : JobStatus.Failed,
                Output = null,
                OutputBytes = null,
                LogPath = context.Log.PathFor(copy.PresetName),
                Error = error with { Message = $"identical to {from}'s encode, which failed: {error.Message}" },
                CpuSeconds = 0,
                PeakMemoryBytes = null,
            };
        }

        var placer = fence.PlacerFor(copy.PresetName);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();

            // File.Copy lets the runtime clone or copy in the kernel (reflink, copy_file_range) where the disk allows.
            File.Copy(source, copy.PartialPath, overwrite: true);
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (OperationCanceledException)
        {
            placer.Discard(copy.PartialPath);
            return CopyFailed(copy, encoded, context, MediaError.Of(ErrorCategory.Cancelled, $"Stopped while {from}'s output was being copied."));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            placer.Discard(copy.PartialPath);
            return CopyFailed(copy, encoded, context, ExceptionErrors.ClassifyOutput(e));
        }

        var placed = await placer.PlaceFileAsync(copy.PartialPath, copy.FinalPath, CancellationToken.None);
        if (placed.Error is { } unplaced)
        {
            return CopyFailed(copy, encoded, context, unplaced);
        }

        CopyThumbnail(source, copy.FinalPath);
        await context.Log.AppendAsync([copy.PresetName], $"# identical to {from}'s output (the same ffmpeg command but for the path): copied from {source}\n");
        var copied = encoded with
        {
            Preset = copy.PresetName,
            Output = copy.FinalPath,
            OutputBytes = FileSizes.Of(copy.FinalPath),
            LogPath = context.Log.PathFor(copy.PresetName),
            FinishedAt = clock.GetUtcNow(),
            CpuSeconds = 0,
            PeakMemoryBytes = null,
            CopiedFrom = from,
            Made = UpToDate.Made(context.Pending, copy.PresetName, copy.FinalPath),
        };
        await fence.CommitAsync(copied);
        await RemoveQcFailedAsync(copy, context);
        return copied;
    }

    // The same picture, so the same report thumbnail: the report runs no ffmpeg for the copy either. Without one
    // (none was made, or it cannot be copied) the report makes the copy's own.
    private static void CopyThumbnail(string source, string copy)
    {
        var thumbnail = EncodedThumbnail.HandedOverPath(source);
        try
        {
            if (File.Exists(thumbnail))
            {
                File.Copy(thumbnail, EncodedThumbnail.HandedOverPath(copy), overwrite: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private JobResult CopyFailed(OutputPlan copy, JobResult encoded, EncodeContext context, MediaError error) => encoded with
    {
        Preset = copy.PresetName,
        Status = error.Category == ErrorCategory.Cancelled ? JobStatus.Cancelled : JobStatus.Failed,
        Output = null,
        OutputBytes = null,
        LogPath = context.Log.PathFor(copy.PresetName),
        FinishedAt = clock.GetUtcNow(),
        Error = error,
        CpuSeconds = 0,
        PeakMemoryBytes = null,
    };

    // A placed output supersedes an earlier try that failed its check (--qc-retry, a rerun); one that cannot be
    // removed is only stale, never a reason to fail a committed job.
    private static async Task RemoveQcFailedAsync(OutputPlan output, EncodeContext context)
    {
        try
        {
            File.Delete(QcFailedPath(output.FinalPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await context.Log.AppendAsync([output.PresetName], $"# could not remove the earlier QC-failed output: {e.Message}\n");
        }
    }
}
