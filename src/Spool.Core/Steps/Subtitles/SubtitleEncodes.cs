using Spool.Media.Commands;

namespace Spool.Core.Steps.Subtitles;

/// <summary>
/// ffmpeg runs for subtitles a user already has (pure argument builders). Burning re-encodes the picture with libx264
/// (CRF 20: the text's edges stay sharp) and copies the audio; the output has no subtitle stream. Muxing copies
/// picture and audio and adds the SRT as a text track (mov_text in MP4/MOV, SubRip in Matroska) with its language;
/// subtitle tracks the source had are left out, so players offer exactly the one the user gave.
/// </summary>
public static class SubtitleEncodes
{
    /// <summary>The containers a burned video may be written to.</summary>
    public static bool CanBurnInto(string outputPath) => Extension(outputPath) is ".mp4" or ".m4v" or ".mov" or ".mkv";

    /// <summary>The subtitle codec for the output's container, or null when it cannot hold text subtitles.</summary>
    public static string? TextCodecFor(string outputPath) => Extension(outputPath) switch
    {
        ".mp4" or ".m4v" or ".mov" => "mov_text",
        ".mkv" => "srt",
        _ => null,
    };

    public static IReadOnlyList<string> BurnArguments(string video, string srt, string output)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(video);
        ArgumentException.ThrowIfNullOrWhiteSpace(output);
        List<string> arguments =
        [
            .. Start(), "-i", FfmpegCommandRenderer.FilePath(video),
            "-map", "0:v:0", "-map", "0:a?", "-vf", SubtitleFilters.Burn(srt),
            "-c:v", "libx264", "-crf", "20", "-pix_fmt", "yuv420p", "-c:a", "copy",
        ];
        return [.. arguments, .. Faststart(output), FfmpegCommandRenderer.FilePath(output)];
    }

    public static IReadOnlyList<string> MuxArguments(string video, string srt, string output, string language)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(video);
        ArgumentException.ThrowIfNullOrWhiteSpace(srt);
        ArgumentException.ThrowIfNullOrWhiteSpace(output);
        var codec = TextCodecFor(output) ?? throw new ArgumentException($"'{output}' cannot hold text subtitles.", nameof(output));
        List<string> arguments =
        [
            .. Start(), "-i", FfmpegCommandRenderer.FilePath(video), "-i", FfmpegCommandRenderer.FilePath(srt),
            "-map", "0:v", "-map", "0:a?", "-map", "1:0", "-c", "copy", "-c:s", codec,
            "-metadata:s:s:0", "language=" + SubtitleFilters.MovTextLanguage(language),
        ];
        return [.. arguments, .. Faststart(output), FfmpegCommandRenderer.FilePath(output)];
    }

    private static string[] Start() => ["-hide_banner", "-y", "-v", "error", "-progress", "pipe:1", "-nostats"];

    private static string[] Faststart(string output) => Extension(output) == ".mkv" ? [] : ["-movflags", "+faststart"];

    private static string Extension(string path) => Path.GetExtension(path).ToLowerInvariant();
}
