using System.Globalization;
using Spool.Media.Commands;

namespace Spool.Core.Steps.Audio;

/// <summary>
/// "spool audio extract": a video's first audio stream as 16 kHz mono 16-bit PCM WAV, the format speech recognisers
/// read (pocketsphinx, whisper). aresample's first_pts=0 pads a late-starting track with silence and async=1 fills
/// gaps, so a time in the WAV is the same time in the video. Metadata is dropped and the muxer is bit-exact, so the
/// header is the plain 44-byte one that simple WAV readers expect (no LIST/INFO chunk).
/// </summary>
public static class AudioExtract
{
    public const int SampleRate = 16000;

    /// <summary>
    /// The extraction, of the first audio stream or of stream <paramref name="audioStreamIndex"/>. Progress goes to
    /// stdout (-progress pipe:1), so the runner's stall watchdog sees a long extraction advance.
    /// </summary>
    public static IReadOnlyList<string> Arguments(string video, string output, int? audioStreamIndex = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(video);
        ArgumentException.ThrowIfNullOrWhiteSpace(output);
        var stream = audioStreamIndex is { } index ? "0:" + index.ToString(CultureInfo.InvariantCulture) : "0:a:0";
        return
        [
            "-hide_banner", "-nostdin", "-y", "-v", "error", "-progress", "pipe:1", "-nostats", "-i", FfmpegCommandRenderer.FilePath(video),
            "-vn", "-map", stream, "-af", "aresample=async=1:first_pts=0", "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le",
            "-map_metadata", "-1", "-fflags", "+bitexact", "-f", "wav", FfmpegCommandRenderer.FilePath(output),
        ];
    }
}
