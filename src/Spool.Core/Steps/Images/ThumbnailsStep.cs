using System.Globalization;
using Spool.Media.Errors;
using Spool.Media.Processes;

namespace Spool.Core.Steps.Images;

/// <summary>
/// "--thumbnails N": N representative JPEGs per input in &lt;name&gt;/thumbnails/&lt;stem&gt;_01.jpg ... (long side at most
/// 640 px, display aspect and rotation applied). Where they come from and how a blank picture is replaced is
/// <see cref="ThumbnailPlanner"/>'s rule. One small ffmpeg per window: each reads about 2 s after an input seek, so
/// the cost grows with N, not with the video's length. A source without a known duration gets one thumbnail from
/// its start.
/// </summary>
public sealed class ThumbnailsStep : IMediaStep
{
    private readonly IProcessRunner runner;
    private readonly string ffmpegPath;
    private readonly int count;

    public ThumbnailsStep(IProcessRunner runner, string ffmpegPath, int count)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentException.ThrowIfNullOrWhiteSpace(ffmpegPath);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        this.runner = runner;
        this.ffmpegPath = ffmpegPath;
        this.count = count;
    }

    public string Name => "thumbnails";

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Source.PrimaryVideo is not { } video)
        {
            return StepOutcome.Failed(MediaError.Of(ErrorCategory.NoVideoStream, $"{Path.GetFileName(context.Source.Path)} has no video stream to take thumbnails from."), []);
        }

        var folder = Path.Combine(context.OutputFolder, "thumbnails");
        Directory.CreateDirectory(folder);
        var (points, size) = ThumbnailPlanner.ForSource(context.Source, video, count);
        var run = new Run(context, video.Index, size, []);
        var files = new List<string>();
        var (replaced, keptBlank) = (0, 0);
        var centers = new List<string>();
        for (var i = 0; i < points.Count; i++)
        {
            var final = ThumbnailPlanner.PicturePath(context.OutputFolder, context.Stem, i);
            var (chosen, error) = await ChooseAsync(run, points[i], final, cancellationToken);
            if (error is not null)
            {
                return StepOutcome.Failed(error, run.Results);
            }

            files.Add(final);
            centers.Add(StillImages.Seconds(chosen!.Window.Center));
            replaced += chosen.Try > 0 && !chosen.Blank ? 1 : 0;
            keptBlank += chosen.Blank ? 1 : 0;
            context.Progress?.Report((double)(i + 1) / points.Count);
        }

        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["count"] = files.Count.ToString(CultureInfo.InvariantCulture),
            ["times"] = string.Join(',', centers),
            ["blank_replaced"] = replaced.ToString(CultureInfo.InvariantCulture),
            ["blank_kept"] = keptBlank.ToString(CultureInfo.InvariantCulture),
        };
        return StepOutcome.Done(files, run.Results) with { Details = details };
    }

    /// <summary>Tries the point's windows in order until one gives a picture that is not blank, then renames it into place.</summary>
    private async Task<(Choice? Choice, MediaError? Error)> ChooseAsync(
        Run run, IReadOnlyList<ThumbnailWindow> windows, string final, CancellationToken cancellationToken)
    {
        var placer = run.Context.Placer;
        var partials = windows.Select((_, k) => placer.PartialFor(final, k == 0 ? null : k.ToString(CultureInfo.InvariantCulture))).ToList();
        placer.Discard(partials);
        Choice? fallback = null;
        try
        {
            for (var k = 0; k < windows.Count; k++)
            {
                var arguments = ThumbnailPlanner.Arguments(run.Context.Source.Path, run.StreamIndex, windows[k], run.Size, run.Context.Threads, partials[k]);
                var result = await runner.RunAsync(new ProcessRequest(ffmpegPath, arguments), null, cancellationToken);
                run.Results.Add(result);
                if (!result.Succeeded)
                {
                    return (null, ErrorClassifier.Classify(result));
                }

                if (!File.Exists(partials[k]))
                {
                    continue; // The window held no decodable frame (a seek past the last one); try the next.
                }

                var blank = PictureLevels.Parse(result.Stderr)?.IsBlank ?? false;
                var choice = new Choice(windows[k], k, partials[k], blank);
                if (!blank)
                {
                    return await PlaceAsync(placer, choice, final);
                }

                fallback ??= choice;
            }

            if (fallback is null)
            {
                return (null, MediaError.Of(ErrorCategory.InputCorrupt,
                    $"No picture could be decoded near {StillImages.Seconds(windows[0].Center)} s of {Path.GetFileName(run.Context.Source.Path)}."));
            }

            return await PlaceAsync(placer, fallback, final);
        }
        finally
        {
            placer.Discard(partials);
        }
    }

    private static async Task<(Choice? Choice, MediaError? Error)> PlaceAsync(Placement.FilePlacer placer, Choice choice, string final) =>
        (await placer.PlaceFileAsync(choice.Partial, final, CancellationToken.None)).Error is { } unplaced ? (null, unplaced) : (choice, null);

    private sealed record Run(StepContext Context, int StreamIndex, (int Width, int Height) Size, List<ProcessResult> Results);

    private sealed record Choice(ThumbnailWindow Window, int Try, string Partial, bool Blank);
}
