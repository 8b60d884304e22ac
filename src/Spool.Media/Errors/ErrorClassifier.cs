using System.Globalization;
using System.Text.RegularExpressions;
using Spool.Media.Commands;
using Spool.Media.Processes;

namespace Spool.Media.Errors;

/// <summary>
/// Maps a failed ffmpeg/ffprobe run to one of DESIGN.md's error categories, by rules over its stderr. How the run
/// ended decides first (time limit, stall, cancel, could not start); then the rules below, in order, so the most
/// specific wins: the machine (disk, permissions) before the input, a missing encoder or decoder before the damage it
/// causes downstream, a demuxer's own reason ("moov atom not found") before the generic line that follows it
/// ("Invalid data found when processing input"). The message quotes the stderr line that decided it.
/// </summary>
public static partial class ErrorClassifier
{
    private const int MaxQuotedLength = 200;

    private static readonly Rule[] Rules =
    [
        new(ErrorCategory.DiskFull, "The output disk is full", Has("No space left on device")),
        new(ErrorCategory.PermissionDenied, "Permission denied", Has("Permission denied")),
        new(ErrorCategory.InputMissing, "The input file does not exist", Has("No such file or directory", "Not a directory")),
        new(ErrorCategory.EncoderUnavailable, "This ffmpeg has no such encoder",
            Has("Unknown encoder", "Encoder not found", "Encoder (codec")),
        new(ErrorCategory.EncoderUnavailable, "The hardware encoder cannot be used on this machine",
            Has("Cannot load libcuda", "No capable devices found", "No NVENC capable devices found", "OpenEncodeSessionEx failed",
                "No VA display found", "Failed to initialise VAAPI connection", "Error initializing an internal MFX session", "Error creating a MFX session"),
            "The hardware encoder needs a GPU and driver this machine lacks; choose a software encoder."),
        new(ErrorCategory.EncoderUnavailable, "This ffmpeg does not know an option Spool passed", Has("Unrecognized option"),
            "The option usually belongs to an encoder missing from this ffmpeg build; run 'spool doctor' to see what is available."),
        new(ErrorCategory.Unsupported, "This ffmpeg cannot decode the input",
            Has("Unknown decoder", "Unsupported codec", "unsupported coding type", "is not implemented", "no decoder")),
        new(ErrorCategory.Unsupported, "This ffmpeg cannot decode the input",
            line => Has("Decoder (codec")(line) && Has("not found")(line)),
        new(ErrorCategory.Unsupported, "This ffmpeg cannot decode the input",
            line => Has("Error while opening decoder")(line) && Has("not implemented")(line)),
        new(ErrorCategory.Unsupported, "ffmpeg cannot tell what the input holds", Has("Invalid pixel format"),
            "The file has no header ffmpeg recognises (raw data?); convert it with the tool that made it."),
        new(ErrorCategory.NoVideoStream, "The input has no video stream", line => VideoMapMatchesNothing().IsMatch(line)),
        new(ErrorCategory.InputCorrupt, "The input is damaged or incomplete",
            Has("moov atom not found", "error reading header", "partial file", "Truncating packet",
                "File ended prematurely", "EBML header parsing failed", "Invalid frame dimensions 0x0",
                "Invalid frame size")),
        new(ErrorCategory.InputCorrupt, "The input ends before its header does",
            line => line.TrimEnd().EndsWith(": End of file", StringComparison.OrdinalIgnoreCase)),
        new(ErrorCategory.InputCorrupt, "The input is damaged or incomplete",
            Has("Cannot determine format", "Invalid data found when processing input")),
    ];

    public static MediaError Classify(ProcessResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var program = ProgramName(result.CommandLine);
        switch (result.End)
        {
            case ProcessEnd.TimedOut:
                return MediaError.Of(ErrorCategory.Timeout, $"{program} ran past its time limit.");
            case ProcessEnd.Stalled:
                return MediaError.Of(ErrorCategory.Stalled, $"{program} wrote nothing for longer than the stall limit.");
            case ProcessEnd.Cancelled:
                return MediaError.Of(ErrorCategory.Cancelled, "The job was cancelled.");
            case ProcessEnd.FailedToStart:
                // ffmpeg itself is missing or not executable. The stderr here is ours ("No such file or directory"
                // from exec), so the stderr rules must not see it: it is not the input that is missing. Permanent:
                // retrying cannot bring the program back.
                return new MediaError(
                    ErrorCategory.EncoderUnavailable,
                    $"{program} could not be started: {Quote(result.Stderr)}",
                    "Install ffmpeg (Debian: apt-get install ffmpeg) or point Spool at it; 'spool doctor' shows what it finds.");
            case ProcessEnd.Exited:
            default:
                return ClassifyExited(result, program);
        }
    }

    private static MediaError ClassifyExited(ProcessResult result, string program)
    {
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var rule in Rules)
        {
            if (lines.FirstOrDefault(rule.Matches) is { } line)
            {
                return rule.Category == ErrorCategory.InputMissing && IsOutputPath(line, result.CommandLine, program)
                    ? OutputUnwritable(line)
                    : new MediaError(rule.Category, $"{rule.Summary}: {Quote(line)}", rule.Hint ?? rule.Category.DefaultHint());
            }
        }

        if (lines.FirstOrDefault(Has("does not contain any stream")) is { } noStream)
        {
            return ClassifyNoStream(lines, noStream);
        }

        var code = result.ExitCode.ToString(CultureInfo.InvariantCulture);
        if (result.ExitCode > 128)
        {
            var signal = (result.ExitCode - 128).ToString(CultureInfo.InvariantCulture);
            return MediaError.Of(ErrorCategory.FfmpegFailed, $"{program} was killed by signal {signal} (exit code {code}).");
        }

        if (lines.Length == 0 && result.ExitCode != 0)
        {
            // ffprobe 5.1 at "-v error" exits 1 and prints nothing when a stream's decoder will not open (xHE-AAC:
            // "Audio object type 42 is not implemented" is only a warning). A damaged file always gets an error line,
            // so a silent failure means an unsupported codec.
            return new MediaError(
                ErrorCategory.Unsupported,
                $"{program} exited with code {code} and gave no reason.",
                "This ffmpeg probably lacks a decoder for one of its streams (ffmpeg 5.1 cannot decode xHE-AAC); try a newer ffmpeg.");
        }

        var last = Array.FindLast(lines, line => !IsBoilerplate(line));
        var why = last is null ? "." : $": {Quote(last)}";
        return MediaError.Of(ErrorCategory.FfmpegFailed, $"{program} exited with code {code}{why}");
    }

    /// <summary>
    /// "Output file #0 does not contain any stream": ffmpeg found nothing it could map. When the input listed only
    /// subtitle, data or attachment streams, it is not a video; when it listed none at all (an MP4 whose moov holds
    /// zero tracks), the container is empty, which is damage as far as the user can act on it.
    /// </summary>
    private static MediaError ClassifyNoStream(string[] lines, string line)
    {
        var streams = lines.Where(l => l.StartsWith("Stream #", StringComparison.OrdinalIgnoreCase)).ToArray();
        var hasAudioOrVideo = streams.Any(l => Has("Video:", "Audio:")(l));
        return streams.Length > 0 && !hasAudioOrVideo
            ? MediaError.Of(ErrorCategory.NotAVideo, $"The input holds no audio or video: {Quote(line)}")
            : new MediaError(ErrorCategory.InputCorrupt, $"The input holds no usable stream: {Quote(line)}",
                "The file contains no audio or video ffmpeg can use; re-export or re-download it from its source.");
    }

    /// <summary>A path ffmpeg cannot open for writing: its folder is gone, or a regular file stands in its place.</summary>
    private static MediaError OutputUnwritable(string line) => MediaError.Of(
        ErrorCategory.OutputUnwritable,
        Has("Not a directory")(line)
            ? $"A file stands where an output folder should be: {Quote(line)}"
            : $"The output folder does not exist: {Quote(line)}");

    /// <summary>True when ffmpeg's "PATH: No such file or directory" names an output, not one of its "-i" inputs.</summary>
    private static bool IsOutputPath(string line, string commandLine, string program)
    {
        // ffprobe takes its input as a bare path, so every path it names is an input.
        var colon = line.LastIndexOf(": ", StringComparison.Ordinal);
        if (!program.StartsWith("ffmpeg", StringComparison.OrdinalIgnoreCase) || colon <= 0 || line.StartsWith('['))
        {
            return false;
        }

        var path = CommandLineFormatter.Quote(line[..colon]);
        return commandLine.Contains($" {path}", StringComparison.Ordinal)
            && !commandLine.Contains($"-i {path}", StringComparison.Ordinal);
    }

    private static bool IsBoilerplate(string line) =>
        line.Equals("Conversion failed!", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("Error marking filters as finished", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("Last message repeated", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("To ignore this, add a trailing '?'", StringComparison.OrdinalIgnoreCase);

    /// <summary>One stderr line for a message: the "@ 0x55…" pointer dropped (it differs per run), at most ~200 chars.</summary>
    private static string Quote(string line)
    {
        var text = LogContextPointer().Replace(line.Trim(), "]");
        return text.Length <= MaxQuotedLength ? text : string.Concat(text.AsSpan(0, MaxQuotedLength - 1), "…");
    }

    private static string ProgramName(string commandLine)
    {
        var first = commandLine.Split(' ', 2)[0].Trim('\'');
        var name = Path.GetFileName(first);
        return name.Length > 0 ? name : "ffmpeg";
    }

    private static Func<string, bool> Has(params string[] needles) =>
        line => Array.Exists(needles, needle => line.Contains(needle, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@" @ 0x[0-9a-f]+\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LogContextPointer();

    // "Stream map '0:v:0' matches no streams." — a video specifier (v or V) anywhere after the input index.
    [GeneratedRegex(@"Stream map '[^']*:v(:[^']*)?' matches no streams", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VideoMapMatchesNothing();

    private sealed record Rule(ErrorCategory Category, string Summary, Func<string, bool> Matches, string? Hint = null);
}
