using System.CommandLine;
using Spool.Core.Steps.Audio;
using Spool.Media.Errors;
using Spool.Media.Processes;

namespace Spool.Cli.Commands;

/// <summary>
/// spool audio replace VIDEO AUDIO --output FILE [--offset-ms N] and spool audio extract VIDEO --output FILE [--format speech|wav|flac|copy].
/// Exit 0 on success; 1 when an input cannot be used or ffmpeg fails (the category and a hint on stderr); 2 for usage
/// errors, checked before ffmpeg runs: a named input that does not exist, an output that is one of the inputs, a
/// replace output that is not .mp4/.m4v/.mov/.mkv, an extract output whose extension does not match --format (.wav
/// for speech and wav, .flac for flac; a copy into a container that cannot hold the codec is exit 1, known after probing);
/// 3 when ffmpeg is missing. A duration mismatch over a second is a warning on stderr, not a failure.
/// </summary>
internal static class AudioCommand
{
    public static Command Create() => new("audio", "Replace a video's soundtrack, or extract its audio (for speech recognition, or at full quality).")
    {
        Replace(),
        Extract(),
    };

    private static Command Replace()
    {
        var video = new Argument<string>("video") { Description = "The video whose picture is kept (its stream is copied)." };
        var audio = new Argument<string>("audio") { Description = "The file whose first audio stream becomes the new soundtrack (AAC 192k stereo)." };
        var output = new Option<string>("--output") { Description = "The new file: .mp4, .m4v, .mov or .mkv.", Required = true };
        var offset = new Option<int>("--offset-ms") { Description = "Milliseconds to delay the new audio (negative: cut that much from its start). [default: 0]" };
        var command = new Command("replace", "Put a new soundtrack under a video: picture copied, audio encoded to AAC, cut to the shorter.")
        {
            video, audio, output, offset,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var videoPath = RequireFile(parse.GetValue(video)!, "video");
            var audioPath = RequireFile(parse.GetValue(audio)!, "audio");
            var outputPath = RequireOutput(parse.GetValue(output)!, [videoPath, audioPath]);
            if (AudioReplace.Muxer(outputPath) is null)
            {
                throw new UsageException($"--output '{outputPath}' must end in .mp4, .m4v, .mov or .mkv (they hold H.264 and AAC).");
            }

            var tool = await ToolAsync(cancellationToken);
            return Report(await tool.ReplaceAsync(videoPath, audioPath, outputPath, parse.GetValue(offset), cancellationToken));
        });
        return command;
    }

    private static Command Extract()
    {
        var video = new Argument<string>("video") { Description = "The file whose first audio stream is extracted." };
        var output = new Option<string>("--output")
        {
            Description = "The file to write: .wav (speech, wav), .flac (flac), or for copy a container that holds the codec (.m4a for AAC, .mka for any).",
            Required = true,
        };
        var format = new Option<string>("--format")
        {
            Description = "speech: 16 kHz mono 16-bit WAV for speech recognition; wav or flac: the original soundtrack decoded at its own rate and channels; copy: its packets as they are (bit-exact). [default: speech]",
            DefaultValueFactory = _ => "speech",
        };
        format.AcceptOnlyFromAmong("speech", "wav", "flac", "copy");
        var command = new Command("extract", "Extract a video's first audio stream: for speech recognition (16 kHz mono WAV) or at full quality.") { video, output, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var videoPath = RequireFile(parse.GetValue(video)!, "video");
            var outputPath = RequireOutput(parse.GetValue(output)!, [videoPath]);
            var chosen = Enum.Parse<AudioExtractFormat>(parse.GetValue(format)!, ignoreCase: true);
            if (AudioOriginal.Extension(chosen) is { } extension && !outputPath.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"--output '{outputPath}' must end in {extension} for --format {chosen.ToString().ToLowerInvariant()}.");
            }

            var tool = await ToolAsync(cancellationToken);
            return Report(await tool.ExtractAsync(videoPath, outputPath, chosen, cancellationToken));
        });
        return command;
    }

    private static async Task<AudioTool> ToolAsync(CancellationToken cancellationToken)
    {
        var runner = new ProcessRunner();
        var tools = await Toolchain.RequireAsync(runner, cancellationToken);
        return new AudioTool(runner, tools);
    }

    private static int Report(AudioResult result)
    {
        foreach (var warning in result.Warnings)
        {
            Console.Error.WriteLine("spool: warning: " + warning);
        }

        if (result.Error is { } error)
        {
            Console.Error.WriteLine($"spool: {error.Category.ToWireName()}: {error.Message}\n  hint: {error.Hint}");
            return ExitCodes.JobsFailed;
        }

        Console.WriteLine(result.Output);
        return ExitCodes.Success;
    }

    private static string RequireFile(string path, string what) => File.Exists(path)
        ? Path.GetFullPath(path)
        : throw new UsageException($"{what} '{path}' does not exist.");

    private static string RequireOutput(string path, IReadOnlyList<string> inputs)
    {
        var full = Path.GetFullPath(path);
        return inputs.Contains(full, StringComparer.Ordinal)
            ? throw new UsageException($"--output '{path}' is one of the inputs; choose another name.")
            : full;
    }
}
