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

    public static IReadOnlyList<string> Arguments(string video, string output)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(video);
        ArgumentException.ThrowIfNullOrWhiteSpace(output);
        return
        [
            "-hide_banner", "-nostdin", "-y", "-i", FfmpegCommandRenderer.FilePath(video),
            "-vn", "-map", "0:a:0", "-af", "aresample=async=1:first_pts=0", "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le",
            "-map_metadata", "-1", "-fflags", "+bitexact", "-f", "wav", FfmpegCommandRenderer.FilePath(output),
        ];
    }
}
