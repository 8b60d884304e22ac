using System.CommandLine;
using Spool.Core.Placement;
using Spool.Core.Steps.Subtitles;
using Spool.Media.Errors;
using Spool.Media.Processes;

namespace Spool.Cli.Commands;

/// <summary>
/// spool subtitles burn|mux VIDEO FILE.srt --output OUT: subtitles the user already has, burned into the picture or
/// muxed as a track. The SRT is read first, so a broken file stops with its line number (exit 2) before any encode;
/// the output is written under a ".partial" name and renamed when ffmpeg succeeds (exit 1 when it fails).
/// </summary>
internal static class SubtitlesCommand
{
    public static Command Create() => new("subtitles", "Burn subtitles into a video, or mux them as a subtitle track.")
    {
        Burn(),
        Mux(),
    };

    private static Command Burn()
    {
        var (video, srt, output) = Common("The burned video (.mp4, .m4v, .mov or .mkv).");
        var command = new Command("burn", "Render an SRT into the picture (libx264 CRF 20; audio copied; no subtitle stream).") { video, srt, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (videoPath, srtPath, outputPath) = Validate(parse.GetValue(video)!, parse.GetValue(srt)!, parse.GetValue(output)!);
            if (!SubtitleEncodes.CanBurnInto(outputPath))
            {
                throw new UsageException($"--output '{outputPath}' must end in .mp4, .m4v, .mov or .mkv.");
            }

            return await RunAsync(partial => SubtitleEncodes.BurnArguments(videoPath, srtPath, partial), outputPath, cancellationToken);
        });
        return command;
    }

    private static Command Mux()
    {
        var (video, srt, output) = Common("The video with the track (.mp4, .m4v or .mov: mov_text; .mkv: SubRip).");
        var language = new Option<string>("--language") { Description = "The track's language, ISO 639-1 (en, de, ...).", DefaultValueFactory = _ => "en" };
        var command = new Command("mux", "Add an SRT as a subtitle track; picture and audio are copied.") { video, srt, output, language };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (videoPath, srtPath, outputPath) = Validate(parse.GetValue(video)!, parse.GetValue(srt)!, parse.GetValue(output)!);
            if (SubtitleEncodes.TextCodecFor(outputPath) is null)
            {
                throw new UsageException($"--output '{outputPath}' must end in .mp4, .m4v, .mov or .mkv to hold a subtitle track.");
            }

            var code = parse.GetValue(language)!;
            if (SubtitleFilters.MovTextLanguage(code) == "und")
            {
                throw new UsageException($"--language '{code}' is not an ISO 639 language code (en, de, fr, ...).");
            }

            return await RunAsync(partial => SubtitleEncodes.MuxArguments(videoPath, srtPath, partial, code), outputPath, cancellationToken);
        });
        return command;
    }

    private static (Argument<string> Video, Argument<string> Srt, Option<string> Output) Common(string outputDescription) =>
        (new Argument<string>("video") { Description = "The video." },
         new Argument<string>("srt") { Description = "The subtitles, SubRip (.srt)." },
         new Option<string>("--output") { Description = outputDescription, Required = true });

    /// <summary>Both inputs exist, the SRT parses and holds cues, the output is not an input: else exit 2.</summary>
    internal static (string Video, string Srt, string Output) Validate(string video, string srt, string output)
    {
        foreach (var (path, what) in new[] { (video, "video"), (srt, "srt") })
        {
            if (!File.Exists(path))
            {
                throw new UsageException($"{what} '{path}' does not exist.");
            }
        }

        var parsed = SrtParser.Parse(File.ReadAllText(srt));
        if (!parsed.Succeeded)
        {
            throw new UsageException($"'{srt}' is not a valid SRT file: {parsed.Error}.");
        }

        if (parsed.Cues.Count == 0)
        {
            throw new UsageException($"'{srt}' holds no subtitles.");
        }

        var full = Path.GetFullPath(output);
        return full == Path.GetFullPath(video)
            ? throw new UsageException("--output must not be the input video.")
            : (Path.GetFullPath(video), Path.GetFullPath(srt), full);
    }

    private static async Task<int> RunAsync(Func<string, IReadOnlyList<string>> arguments, string output, CancellationToken cancellationToken)
    {
        var runner = new ProcessRunner();
        var tools = await Toolchain.RequireAsync(runner, cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var placer = FilePlacer.Unfenced;
        var partial = placer.PartialFor(output);
        try
        {
            var request = new ProcessRequest(tools.Ffmpeg, arguments(partial)) { ParsesProgress = true, StallTimeout = RunLimits.DefaultStallTimeout };
            var result = await runner.RunAsync(request, null, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            if (!result.Succeeded)
            {
                var error = ErrorClassifier.Classify(result);
                await Console.Error.WriteLineAsync($"spool: {error.Category.ToWireName()}: {error.Message}\n  {error.Hint}");
                return ExitCodes.JobsFailed;
            }

            if ((await placer.PlaceFileAsync(partial, output, CancellationToken.None)).Error is { } unplaced)
            {
                await Console.Error.WriteLineAsync($"spool: {unplaced.Category.ToWireName()}: {unplaced.Message}\n  {unplaced.Hint}");
                return ExitCodes.JobsFailed;
            }
        }
        finally
        {
            // Failed, interrupted or placed: no file stays behind under the partial name.
            placer.Discard(partial);
        }

        Console.WriteLine(output);
        return ExitCodes.Success;
    }
}
