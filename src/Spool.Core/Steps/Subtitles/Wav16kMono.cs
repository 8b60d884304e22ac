using System.Globalization;
using Spool.Media.Commands;

namespace Spool.Core.Steps.Subtitles;

/// <summary>
/// The audio every engine reads: the source's first audio stream as 16 kHz mono 16-bit PCM WAV, the input format of
/// pocketsphinx and whisper. aresample's first_pts=0 pads a late-starting track with silence, and async=1 fills gaps,
/// so times in the WAV are times in the video and cues stay in sync.
/// </summary>
public static class Wav16kMono
{
    public const int SampleRate = 16000;

    private const int BytesPerSecond = SampleRate * 2;

    private const int HeaderBytes = 44;

    public static IReadOnlyList<string> ExtractArguments(string source, int audioStreamIndex, string wav) =>
    [
        "-hide_banner", "-y", "-v", "error", "-progress", "pipe:1", "-nostats",
        "-i", FfmpegCommandRenderer.FilePath(source),
        "-map", "0:" + audioStreamIndex.ToString(CultureInfo.InvariantCulture), "-vn", "-sn", "-dn",
        "-af", "aresample=async=1:first_pts=0", "-ac", "1", "-ar", SampleRate.ToString(CultureInfo.InvariantCulture),
        "-c:a", "pcm_s16le", "-f", "wav", FfmpegCommandRenderer.FilePath(wav),
    ];

    /// <summary>How long the WAV plays, from its size (its header is 44 bytes when ffmpeg writes it); 0 when unreadable.</summary>
    public static double DurationSeconds(string wav)
    {
        var info = new FileInfo(wav);
        return info.Exists ? Math.Max(0, info.Length - HeaderBytes) / (double)BytesPerSecond : 0;
    }
}
