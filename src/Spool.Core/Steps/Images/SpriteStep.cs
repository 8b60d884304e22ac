using System.Globalization;
using System.Text;
using Spool.Media.Errors;
using Spool.Media.Processes;

namespace Spool.Core.Steps.Images;

/// <summary>
/// "--sprite": a sheet of small tiles, one per interval (&lt;name&gt;/thumbnails/&lt;stem&gt;_sprite.jpg), and the WebVTT
/// track that tells a web player which tile to show for each moment (&lt;stem&gt;_sprite.vtt, see <see cref="SpriteVtt"/>).
/// One ffmpeg pass: fps=1/interval picks a frame per interval, scale makes it a tile, tile lays out the sheet.
/// A single pass decodes the whole video, which for the short videos that get 1 s intervals costs less than a
/// hundred seeks; from <see cref="SpriteOptions.KeyframesOnlyFromSeconds"/> on only keyframes are decoded, so long
/// videos cost a few frames per tile rather than all of them. A source without a known duration gets no sprite
/// (its cues would have no times): the step succeeds with no files and says why in its details.
/// </summary>
public sealed class SpriteStep(IProcessRunner runner, string ffmpegPath, SpriteOptions? options = null) : IMediaStep
{
    private readonly IProcessRunner runner = runner ?? throw new ArgumentNullException(nameof(runner));
    private readonly string ffmpegPath = string.IsNullOrWhiteSpace(ffmpegPath) ? throw new ArgumentException("ffmpeg's path is required.", nameof(ffmpegPath)) : ffmpegPath;
    private readonly SpriteOptions options = options ?? SpriteOptions.Default;

    public string Name => "sprite";

    /// <summary>&lt;output&gt;/&lt;name&gt;/thumbnails/&lt;stem&gt;_sprite.jpg (its .vtt beside it).</summary>
    public static string SheetPath(string outputFolder, string stem) => Path.Combine(outputFolder, "thumbnails", stem + "_sprite.jpg");

    public static IReadOnlyList<string> Arguments(string input, int streamIndex, SpriteLayout layout, SpriteOptions options, int threads, string output)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(options);
        var c = CultureInfo.InvariantCulture;
        // Progress blocks every 2 s feed the stall watchdog. The sheet is the only output frame, so out_time (what the
        // watchdog watches) moves only when it is written: the whole decode must fit in --stall-timeout; keyframes-only
        // decoding of long sources keeps it short.
        List<string> arguments = [.. StillImages.Head("error"), "-progress", "pipe:1", "-stats_period", "2"];
        if (threads > 0)
        {
            arguments.AddRange(["-threads", threads.ToString(c)]);
        }

        if (layout.IntervalSeconds >= options.KeyframesOnlyFromSeconds)
        {
            arguments.AddRange(["-skip_frame", "nokey"]);
        }

        var chain = string.Create(c,
            $"fps=fps=1/{layout.IntervalSeconds}:round=up,{StillImages.Scale((layout.TileWidth, layout.TileHeight))},tile=layout={layout.Columns}x{layout.Rows}:nb_frames={layout.Tiles}");
        arguments.AddRange(["-i", "file:" + input, "-map", string.Create(c, $"0:{streamIndex}"), "-vf", chain]);
        arguments.AddRange(StillImages.SinglePicture(output, options.JpegQuality));
        return arguments;
    }

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Source.PrimaryVideo is not { } video)
        {
            return StepOutcome.Failed(MediaError.Of(ErrorCategory.NoVideoStream, $"{Path.GetFileName(context.Source.Path)} has no video stream to make a sprite from."), []);
        }

        if (StillImages.VideoDuration(context.Source) is not { } duration)
        {
            var reason = new Dictionary<string, string>(StringComparer.Ordinal) { ["skipped"] = "the source's duration is unknown, so tiles would have no times" };
            return StepOutcome.Done([], []) with { Details = reason };
        }

        var folder = Path.Combine(context.OutputFolder, "thumbnails");
        Directory.CreateDirectory(folder);
        var sheet = SheetPath(context.OutputFolder, context.Stem);
        var track = Path.Combine(folder, context.Stem + "_sprite.vtt");
        string[] partials = [context.Placer.PartialFor(sheet), context.Placer.PartialFor(track)];
        var layout = SpriteLayout.Plan(duration, video.DisplayWidth, video.DisplayHeight, options);
        var arguments = Arguments(context.Source.Path, video.Index, layout, options, context.Threads, partials[0]);
        try
        {
            var result = await runner.RunAsync(new ProcessRequest(ffmpegPath, arguments) { ParsesProgress = true }, null, cancellationToken);
            if (!result.Succeeded || !File.Exists(partials[0]))
            {
                var error = result.Succeeded
                    ? MediaError.Of(ErrorCategory.InputCorrupt, $"No picture of {Path.GetFileName(context.Source.Path)} could be decoded for its sprite.")
                    : ErrorClassifier.Classify(result);
                return StepOutcome.Failed(error, [result]);
            }

            await File.WriteAllTextAsync(partials[1], SpriteVtt.Write(layout, Path.GetFileName(sheet)), new UTF8Encoding(false), cancellationToken);
            foreach (var (partial, final) in partials.Zip([sheet, track]))
            {
                if ((await context.Placer.PlaceFileAsync(partial, final, CancellationToken.None)).Error is { } unplaced)
                {
                    return StepOutcome.Failed(unplaced, [result]);
                }
            }

            context.Progress?.Report(1);
            var details = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["tiles"] = layout.Tiles.ToString(CultureInfo.InvariantCulture),
                ["interval_seconds"] = layout.IntervalSeconds.ToString(CultureInfo.InvariantCulture),
                ["grid"] = string.Create(CultureInfo.InvariantCulture, $"{layout.Columns}x{layout.Rows}"),
                ["tile_size"] = string.Create(CultureInfo.InvariantCulture, $"{layout.TileWidth}x{layout.TileHeight}"),
            };
            return StepOutcome.Done([sheet, track], [result]) with { Details = details };
        }
        finally
        {
            context.Placer.Discard(partials);
        }
    }
}
