using System.Globalization;
using Spool.Core.Planning;
using Spool.Media.Commands;
using Spool.Media.Errors;
using Spool.Media.Probing;

namespace Spool.Core.Steps.Cleanup;

/// <summary>The picture's part: the passes stabilisation and automatic colour need, then <see cref="VideoCleanup.Chain"/>.</summary>
public sealed partial class CleanupAnalyzer
{
    private async Task<IReadOnlyList<string>> VideoAsync(
        MediaInfo source, CleanupRequest request, string metadataFolder, string stem, PassLog log, CancellationToken cancellationToken)
    {
        if (!request.Stabilize && request.Color is null && !request.DenoiseVideo)
        {
            return [];
        }

        if (source.PrimaryVideo is not { } video)
        {
            log.Notes.Add("The source has no video: picture clean-up was skipped.");
            return [];
        }

        var common = VideoFilters.Common(video, CanToneMap);
        string? transform = null;
        if (request.Stabilize)
        {
            transform = await StabilizeAsync(source, video, common, metadataFolder, stem, log, cancellationToken);
            if (transform is null)
            {
                return [];
            }
        }

        string? color = null;
        switch (request.Color)
        {
            case ColorRequest.Manual manual:
                color = manual.Eq.Render();
                break;
            case ColorRequest.Auto:
                var arguments = ColorLevels.AnalysisArguments(source.Path, video, common, source.EffectiveDuration);
                var result = await RunAsync(arguments, log, cancellationToken);
                if (!result.Succeeded)
                {
                    log.Error = ErrorClassifier.Classify(result);
                    return [];
                }

                var stats = LumaStats.Parse(result.Stderr);
                var eq = stats is null ? null : ColorLevels.Correction(stats);
                log.Timings.Add(new StepTiming("color_analysis", result.Elapsed.TotalSeconds, ColorLevels.Details(stats, eq)));
                color = eq?.Render();
                break;
        }

        return VideoCleanup.Chain(request.DenoiseVideo, transform, color);
    }

    /// <summary>The detect pass, into a partial ".trf" placed once it succeeded; the transform filter, or null on failure.</summary>
    private async Task<string?> StabilizeAsync(
        MediaInfo source,
        VideoStreamInfo video,
        IReadOnlyList<Filter> common,
        string metadataFolder,
        string stem,
        PassLog log,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(metadataFolder);
        var final = Stabilization.TransformsPath(metadataFolder, stem);
        var partial = Placer.PartialFor(final);
        var result = await RunAsync(Stabilization.DetectArguments(source.Path, video, common, partial), log, cancellationToken);
        if (!result.Succeeded || !File.Exists(partial))
        {
            Placer.Discard(partial);
            log.Error = result.Succeeded
                ? MediaError.Of(ErrorCategory.FfmpegFailed, "The stabilisation analysis wrote no transforms file.")
                : ErrorClassifier.Classify(result);
            return null;
        }

        if ((await Placer.PlaceFileAsync(partial, final, CancellationToken.None)).Error is { } unplaced)
        {
            log.Error = unplaced;
            return null;
        }

        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["transforms"] = final,
            ["bytes"] = new FileInfo(final).Length.ToString(CultureInfo.InvariantCulture),
        };
        log.Timings.Add(new StepTiming("stabilize_analysis", result.Elapsed.TotalSeconds, details));
        return Stabilization.TransformFilter(final);
    }
}
