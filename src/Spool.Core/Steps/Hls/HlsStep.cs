using System.Globalization;
using Spool.Media.Errors;
using Spool.Media.Processes;

namespace Spool.Core.Steps.Hls;

/// <summary>
/// Packages an input as adaptive HLS under &lt;name&gt;/hls/: master.m3u8 and one folder per rung of the ladder that fits
/// the source (see <see cref="HlsLadder.ForSource"/> and <see cref="HlsPlanner"/>). One ffmpeg run writes everything
/// into a partial folder named after the job's lease (hls.partial-&lt;token&gt;/), placed as hls/ (replacing an earlier
/// package) only when ffmpeg exited 0 and every playlist is there: the hls muxer exits 0 even when it could not write
/// the master playlist. A failed run leaves no partial folder behind.
/// </summary>
public sealed class HlsStep(IProcessRunner runner, string ffmpegPath, HlsLadder ladder) : IMediaStep
{
    public const string FolderName = "hls";

    public string Name => "hls";

    public HlsEncoding Encoding { get; init; } = new();

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var source = context.Source;
        var name = Path.GetFileName(source.Path);
        if (source.IsStillImage)
        {
            return Failed(ErrorCategory.NotAVideo, $"'{name}' is a still image: there is nothing to stream.");
        }

        if (source.PrimaryVideo is not { } video)
        {
            return Failed(ErrorCategory.NoVideoStream, $"'{name}' has no video stream to package as HLS.");
        }

        var final = Path.GetFullPath(Path.Combine(context.OutputFolder, FolderName));
        var placer = context.Placer;
        var partial = placer.PartialFolderFor(final);
        if (!HlsPlanner.CanWriteUnder(partial))
        {
            return StepOutcome.Failed(new MediaError(ErrorCategory.Unsupported,
                $"ffmpeg's HLS muxer cannot write under '{partial}': it reads '%' in a path as a template.",
                "Rename the input or the --output folder so that its path holds no '%'."), []);
        }

        var variants = ladder.ForSource(video.DisplayWidth, video.DisplayHeight);
        var arguments = HlsPlanner.Arguments(source, variants, partial, Math.Max(1, context.Threads), Encoding);
        var playlists = variants.Select(v => Path.Combine(v.Name, HlsPlanner.PlaylistName)).Prepend(HlsPlanner.MasterName).ToList();
        if (Prepare(placer, partial, variants) is { } unwritable)
        {
            return StepOutcome.Failed(unwritable, []);
        }

        // Time and stall limits are the job's (--timeout, --stall-timeout): the runner a job's steps get applies them.
        var request = new ProcessRequest(ffmpegPath, arguments) { ParsesProgress = true };
        var duration = source.EffectiveDuration;
        var progress = new ProgressRelay(p => context.Progress?.Report(duration is > 0 ? Math.Clamp(p.OutTime.TotalSeconds / duration.Value, 0, 1) : 0));
        ProcessResult result;
        try
        {
            result = await runner.RunAsync(request, progress, cancellationToken);
        }
        catch
        {
            placer.Discard(partial);
            throw;
        }

        if (!result.Succeeded)
        {
            placer.Discard(partial);
            return StepOutcome.Failed(ErrorClassifier.Classify(result), [result]);
        }

        if (playlists.Find(playlist => !File.Exists(Path.Combine(partial, playlist))) is { } missing)
        {
            placer.Discard(partial);
            return StepOutcome.Failed(MediaError.Of(ErrorCategory.FfmpegFailed,
                $"ffmpeg exited 0 but wrote no {missing}: {result.StderrTail(1)}"), [result]);
        }

        if ((await placer.PlaceFolderAsync(partial, final, CancellationToken.None)).Error is { } error)
        {
            return StepOutcome.Failed(error, [result]);
        }

        context.Progress?.Report(1);
        return StepOutcome.Done(playlists.Select(playlist => Path.Combine(final, playlist)).ToList(), [result]) with
        {
            Details = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["variants"] = string.Join(',', variants.Select(v => $"{v.Name}:{v.Width}x{v.Height}")),
                ["segment_seconds"] = HlsPlanner.SegmentSeconds.ToString(CultureInfo.InvariantCulture),
            },
        };
    }

    /// <summary>A fresh partial folder with one folder per variant (an earlier try of this attempt may have left one).</summary>
    private static MediaError? Prepare(Placement.FilePlacer placer, string partial, IReadOnlyList<HlsVariant> variants)
    {
        try
        {
            placer.Discard(partial);
            foreach (var variant in variants)
            {
                Directory.CreateDirectory(Path.Combine(partial, variant.Name));
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var category = e is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.FfmpegFailed;
            return MediaError.Of(category, $"The HLS folder {partial} could not be created: {e.Message}");
        }
    }

    private static StepOutcome Failed(ErrorCategory category, string message) => StepOutcome.Failed(MediaError.Of(category, message), []);
}
