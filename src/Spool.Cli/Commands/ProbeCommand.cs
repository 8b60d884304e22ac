using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spool.Core.Reporting;
using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Cli.Commands;

/// <summary>spool probe FILE [--json]: the normalised probe of one file, or its classified error (exit 1).</summary>
internal static class ProbeCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Media file to probe." };
        var json = new Option<bool>("--json") { Description = "Print the normalised model as JSON." };
        var command = new Command("probe", "Show what Spool sees in a media file.") { file, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var runner = new ProcessRunner();
            var tools = await Toolchain.RequireAsync(runner, cancellationToken);
            var outcome = await new Prober(runner, tools.Ffprobe).ProbeAsync(parse.GetValue(file)!, cancellationToken);
            return outcome switch
            {
                ProbeOutcome.Probed probed => Print(probed.Media, parse.GetValue(json)),
                ProbeOutcome.Failed failed => PrintError(failed.Error, parse.GetValue(json)),
                _ => throw new InvalidOperationException("Unknown probe outcome."),
            };
        });
        return command;
    }

    private static int Print(MediaInfo media, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(media, ReportJson.Options));
            return ExitCodes.Success;
        }

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(media.Path);
        Console.WriteLine(string.Create(c, $"  format    {media.FormatName}, duration {Seconds(media.DurationSeconds)}, {media.SizeBytes ?? 0} bytes, {Rate(media.BitRate)}"));
        foreach (var video in media.VideoStreams)
        {
            Console.WriteLine(string.Create(c,
                $"  video #{video.Index} {video.Codec}{Profile(video.Profile, video.Level)} {video.Width}x{video.Height} (display {video.DisplayWidth}x{video.DisplayHeight}) sar {video.SampleAspectRatio} {video.PixelFormat} {video.BitDepth}-bit fps {video.FrameRate?.Value:0.###}{(video.IsVariableFrameRate ? " vfr" : "")} rotation {video.Rotation}{(video.IsInterlaced ? " interlaced" : "")}{(video.IsHdr ? " hdr" : "")}, {Rate(video.BitRate)}, colour primaries {Named(video.ColorPrimaries)}, transfer {Named(video.ColorTransfer)}, matrix {Named(video.ColorMatrix)}, language {Named(video.Language)}"));
        }

        foreach (var audio in media.AudioStreams)
        {
            Console.WriteLine(string.Create(c,
                $"  audio #{audio.Index} {audio.Codec}{Profile(audio.Profile, null)} {audio.Channels} ch {audio.SampleRate} Hz, {Rate(audio.BitRate)}, language {Named(audio.Language)}"));
        }

        if (media.IsStillImage)
        {
            Console.WriteLine("  still image (not a video)");
        }

        foreach (var warning in media.Warnings)
        {
            Console.WriteLine("  warning: " + warning);
        }

        return ExitCodes.Success;
    }

    private static int PrintError(MediaError error, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { error = new ErrorReport(error.Category.ToWireName(), error.Message, error.Hint) }, ReportJson.Options));
        }
        else
        {
            Console.Error.WriteLine($"{error.Category.ToWireName()}: {error.Message}\n  hint: {error.Hint}");
        }

        return ExitCodes.JobsFailed;
    }

    // Every field is always on its line, "unknown" when the file does not say, so a reader learns where to look.
    private static string Rate(long? bitsPerSecond) =>
        bitsPerSecond is { } rate ? Math.Round(rate / 1000.0).ToString("0", CultureInfo.InvariantCulture) + " kb/s" : "bitrate unknown";

    private static string Profile(string? profile, string? level) => (profile, level) switch
    {
        (null, null) => "",
        (_, null) => " " + profile,
        (null, _) => $" level {level}",
        _ => $" {profile}, level {level}",
    };

    private static string Named(string? value) => value ?? "unknown";

    private static string Seconds(double? seconds) =>
        seconds is { } s ? s.ToString("0.###", CultureInfo.InvariantCulture) + " s" : "unknown";
}
