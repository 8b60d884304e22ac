using System.CommandLine;
using System.Globalization;
using Spool.Core.Steps.Images;
using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Cli.Commands;

/// <summary>
/// spool frames VIDEO... (--count N | --every SECONDS) --output DIR: still frames taken with input seeks (see
/// <see cref="FramePlanner"/>), several videos side by side. One video writes straight into DIR; several get a
/// folder each, DIR/&lt;stem&gt;, made unique when stems clash. Exit 0 when every video gave its frames, 1 when one
/// failed (the others still run), 2 for usage errors, 3 when ffmpeg is missing.
/// </summary>
internal static class FramesCommand
{
    public static Command Create()
    {
        var videos = new Argument<string[]>("video") { Description = "The videos to take frames from.", Arity = ArgumentArity.OneOrMore };
        var count = new Option<int?>("--count") { Description = "Take N frames spread over each video." };
        var every = new Option<double?>("--every") { Description = "Take a frame every SECONDS, from the start." };
        var output = new Option<string>("--output") { Description = "Where the frames go.", Required = true };
        var format = new Option<string>("--format") { Description = "jpg | png.", DefaultValueFactory = _ => "jpg" };
        var size = new Option<string?>("--size") { Description = "Fit frames within WxH, keeping the aspect (never upscaled, never padded)." };
        var maxConcurrent = new Option<int?>("--max-concurrent") { Description = "Videos processed at once. [default: cores / 2]" };
        var command = new Command("frames", "Extract still frames (N spread over the video, or one every S seconds) by seeking, so long videos cost no more.")
        {
            videos, count, every, output, format, size, maxConcurrent,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var selection = Selection(parse.GetValue(count), parse.GetValue(every));
            var imageFormat = Format(parse.GetValue(format)!);
            var box = ParseSize(parse.GetValue(size));
            var concurrency = parse.GetValue(maxConcurrent) ?? Math.Max(1, Environment.ProcessorCount / 2);
            if (concurrency < 1)
            {
                throw new UsageException("--max-concurrent must be at least 1.");
            }

            var folder = Path.GetFullPath(parse.GetValue(output)!);
            var runner = new ProcessRunner();
            var tools = await Toolchain.RequireAsync(runner, cancellationToken);
            Directory.CreateDirectory(folder);
            var inputs = parse.GetValue(videos)!;
            var targets = Targets(inputs, folder);
            var threads = Math.Clamp(Environment.ProcessorCount / concurrency, 1, 4);
            var prober = new Prober(runner, tools.Ffprobe);
            var extractor = new FrameExtractor(runner, tools.Ffmpeg);
            var failed = 0;
            var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(targets, options, async (target, ct) =>
            {
                var request = new FrameRequest(selection, target.Folder, imageFormat, box, threads);
                var error = await ExtractAsync(prober, extractor, target, request, ct);
                if (error is not null)
                {
                    Interlocked.Increment(ref failed);
                    await Console.Error.WriteLineAsync(Describe(target.Video, error));
                }
            });
            return failed == 0 ? ExitCodes.Success : ExitCodes.JobsFailed;
        });
        return command;
    }

    /// <summary>Where each video's frames go and the stem they are named by: DIR itself for one video, DIR/&lt;stem&gt; for several.</summary>
    internal static IReadOnlyList<FramesTarget> Targets(IReadOnlyList<string> videos, string folder)
    {
        if (videos.Count == 1)
        {
            return [new FramesTarget(videos[0], folder, Stem(videos[0]))];
        }

        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var targets = new List<FramesTarget>();
        foreach (var video in videos)
        {
            var stem = Stem(video);
            var unique = stem;
            for (var n = 2; !taken.Add(unique); n++)
            {
                unique = string.Create(CultureInfo.InvariantCulture, $"{stem}_{n}");
            }

            targets.Add(new FramesTarget(video, Path.Combine(folder, unique), unique));
        }

        return targets;
    }

    /// <summary>A failed video on stderr: what and why, its category's wire name, and what to do.</summary>
    internal static string Describe(string video, MediaError error) =>
        $"spool: {video}: {error.Message} [{error.Category.ToWireName()}]\n  hint: {error.Hint}";

    internal static FrameSelection Selection(int? count, double? every) => (count, every) switch
    {
        (null, null) => throw new UsageException("Give --count N or --every SECONDS."),
        ({ }, { }) => throw new UsageException("Give either --count or --every, not both."),
        ({ } n, _) when n <= 0 => throw new UsageException("--count must be at least 1."),
        ({ } n, _) => FrameSelection.ByCount(n),
        (_, { } s) when s <= 0 || !double.IsFinite(s) => throw new UsageException("--every must be a number of seconds above 0."),
        (_, { } s) => FrameSelection.Every(s),
    };

    internal static FrameFormat Format(string text) => text.ToUpperInvariant() switch
    {
        "JPG" or "JPEG" => FrameFormat.Jpg,
        "PNG" => FrameFormat.Png,
        _ => throw new UsageException($"--format '{text}' is not jpg or png."),
    };

    /// <summary>"640x360" to (640, 360); anything else is a usage error naming --size.</summary>
    internal static (int Width, int Height)? ParseSize(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split('x', 'X');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            && width > 0 && height > 0
            ? (width, height)
            : throw new UsageException($"--size '{text}' is not WxH (for example 640x360).");
    }

    private static async Task<MediaError?> ExtractAsync(Prober prober, FrameExtractor extractor, FramesTarget target, FrameRequest request, CancellationToken cancellationToken)
    {
        var probe = await prober.ProbeAsync(target.Video, cancellationToken);
        if (probe is not ProbeOutcome.Probed probed)
        {
            return ((ProbeOutcome.Failed)probe).Error;
        }

        var result = await extractor.ExtractAsync(probed.Media, target.Stem, request, cancellationToken);
        if (result.Files.Count > 0)
        {
            var notes = (result.Missing > 0 ? $" ({result.Missing} past the last frame skipped)" : "")
                + (result.DurationUnknown ? " (duration unknown: first frame only)" : "");
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{target.Video}: {result.Files.Count} frame{(result.Files.Count == 1 ? "" : "s")} in {target.Folder}{notes}"));
        }

        return result.Error;
    }

    private static string Stem(string video)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(video));
        return stem.Length > 0 ? stem : "video";
    }

    internal sealed record FramesTarget(string Video, string Folder, string Stem);
}
