namespace Spool.Core.Steps.Subtitles;

/// <summary>
/// The audio every engine reads: 16 kHz mono 16-bit PCM WAV, made by <see cref="Audio.AudioExtract"/> (the same
/// extraction as "spool audio extract"), whose bit-exact muxer writes the plain 44-byte header this class assumes.
/// </summary>
public static class Wav16kMono
{
    public const int SampleRate = 16000;

    private const int BytesPerSecond = SampleRate * 2;

    private const int HeaderBytes = 44;

    /// <summary>How long the WAV plays, from its size (its header is 44 bytes when ffmpeg writes it); 0 when unreadable.</summary>
    public static double DurationSeconds(string wav)
    {
        var info = new FileInfo(wav);
        return info.Exists ? Math.Max(0, info.Length - HeaderBytes) / (double)BytesPerSecond : 0;
    }
}
