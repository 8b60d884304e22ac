using System.Globalization;
using Spool.Media.Commands;

namespace Spool.Core.Steps.Audio;

/// <summary>
/// "spool audio replace": a video's picture with a new soundtrack (pure). The first video stream is copied untouched;
/// the second input's first audio stream is encoded to AAC 192k stereo; the video's metadata is kept; the output ends
/// with the shorter of the two (-shortest). The offset is applied to the audio samples themselves, so it is exact to
/// the sample and does not depend on a player honouring an edit list (which "-itsoffset" would leave in an MP4):
/// a positive offset puts that much silence before the new audio (adelay), a negative one cuts that much from its
/// start (atrim, then timestamps from zero again).
/// </summary>
public static class AudioReplace
{
    public const int BitrateKbps = 192;

    /// <summary>Durations further apart than this get a warning: the output will be cut to the shorter one.</summary>
    public const double DurationToleranceSeconds = 1.0;

    public static IReadOnlyList<string> Arguments(string video, string audio, string output, int offsetMs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(video);
        ArgumentException.ThrowIfNullOrWhiteSpace(audio);
        var muxer = Muxer(output) ?? throw new ArgumentException($"'{output}' is not an .mp4, .m4v, .mov or .mkv file.", nameof(output));
        List<string> arguments =
        [
            "-hide_banner", "-nostdin", "-y",
            "-i", FfmpegCommandRenderer.FilePath(video), "-i", FfmpegCommandRenderer.FilePath(audio),
            "-map", "0:v:0", "-map", "1:a:0", "-c:v", "copy",
        ];
        if (OffsetFilter(offsetMs) is { } filter)
        {
            arguments.AddRange(["-af", filter]);
        }

        arguments.AddRange(["-c:a", "aac", "-b:a", Invariant(BitrateKbps) + "k", "-ac", "2", "-map_metadata", "0", "-shortest"]);
        if (muxer is "mp4" or "mov")
        {
            arguments.AddRange(["-movflags", "+faststart"]);
        }

        arguments.AddRange(["-f", muxer, FfmpegCommandRenderer.FilePath(output)]);
        return arguments;
    }

    /// <summary>adelay (silence first) for a positive offset, atrim (cut the start) for a negative one, null for zero.</summary>
    public static string? OffsetFilter(int offsetMs) => offsetMs switch
    {
        > 0 => $"adelay=delays={Invariant(offsetMs)}:all=1",
        < 0 => string.Create(CultureInfo.InvariantCulture, $"atrim=start={-(long)offsetMs / 1000.0:0.###},asetpts=PTS-STARTPTS"),
        _ => null,
    };

    /// <summary>The muxer for an output name: mp4 (.mp4, .m4v), mov, matroska (.mkv); null for any other extension.</summary>
    public static string? Muxer(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".MP4" or ".M4V" => "mp4",
        ".MOV" => "mov",
        ".MKV" => "matroska",
        _ => null,
    };

    /// <summary>
    /// A warning when the new audio, once offset, and the video differ by more than a second; null when they agree
    /// or either duration is unknown. The offset counts: a delay makes the audio end later, a cut makes it end sooner.
    /// </summary>
    public static string? DurationWarning(double? videoSeconds, double? audioSeconds, int offsetMs)
    {
        if (videoSeconds is not { } videoLength || audioSeconds is not { } audioLength)
        {
            return null;
        }

        var placed = Math.Max(0, audioLength + (offsetMs / 1000.0));
        if (Math.Abs(placed - videoLength) <= DurationToleranceSeconds)
        {
            return null;
        }

        var offset = offsetMs == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" with its {offsetMs} ms offset");
        return string.Create(CultureInfo.InvariantCulture,
            $"The new audio{offset} lasts {placed:0.0} s and the video {videoLength:0.0} s: the output stops at the shorter, {Math.Min(placed, videoLength):0.0} s.");
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
