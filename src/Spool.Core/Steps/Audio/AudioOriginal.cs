using Spool.Media.Commands;
using Spool.Media.Errors;
using Spool.Media.Probing;

namespace Spool.Core.Steps.Audio;

/// <summary>What "spool audio extract --format" writes.</summary>
public enum AudioExtractFormat
{
    /// <summary>16 kHz mono 16-bit WAV for speech recognisers (<see cref="AudioExtract"/>): the default.</summary>
    Speech,

    /// <summary>The soundtrack decoded to PCM WAV at its own sample rate and channels.</summary>
    Wav,

    /// <summary>The soundtrack decoded to FLAC (lossless) at its own sample rate and channels.</summary>
    Flac,

    /// <summary>The soundtrack's packets as they are (bit-exact), in a container that holds its codec.</summary>
    Copy,
}

/// <summary>
/// The original soundtrack at full quality: decoded to WAV or FLAC without resampling or remixing, or copied as it is.
/// Decoded audio keeps 24 bits when the source states more than 16 (FLAC, PCM or ALAC at 24 bits); lossy codecs
/// state no depth and get 16 bits, already finer than what they keep. No aresample here, unlike the speech format:
/// the samples are the decoder's own.
/// </summary>
public static class AudioOriginal
{
    /// <summary>The file extension each decoded format needs; copy depends on the codec (<see cref="CopyExtensions"/>).</summary>
    public static string? Extension(AudioExtractFormat format) => format switch
    {
        AudioExtractFormat.Speech or AudioExtractFormat.Wav => ".wav",
        AudioExtractFormat.Flac => ".flac",
        _ => null,
    };

    /// <summary>The extensions whose container holds <paramref name="codec"/> as it is, the natural one first; .mka holds any.</summary>
    public static IReadOnlyList<string> CopyExtensions(string codec) => codec switch
    {
        "aac" or "alac" => [".m4a", ".mka"],
        "mp3" => [".mp3", ".mka"],
        "flac" => [".flac", ".mka"],
        "opus" => [".opus", ".mka"],
        "vorbis" => [".ogg", ".mka"],
        "ac3" => [".ac3", ".mka"],
        "eac3" => [".eac3", ".mka"],
        _ => [".mka"],
    };

    /// <summary>Null when <paramref name="output"/>'s extension can hold the stream as it is; else the error saying which can.</summary>
    public static MediaError? CopyTargetError(AudioStreamInfo stream, string output)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var allowed = CopyExtensions(stream.Codec);
        return allowed.Contains(Path.GetExtension(output).ToLowerInvariant(), StringComparer.Ordinal)
            ? null
            : new MediaError(
                ErrorCategory.Unsupported,
                $"The soundtrack is {stream.Codec}; a {Path.GetExtension(output)} file cannot hold it as it is.",
                $"Name the output {string.Join(" or ", allowed)} to copy it, or use --format flac or wav to decode it.");
    }

    /// <summary>The ffmpeg arguments: stream <paramref name="stream"/> of <paramref name="video"/> into <paramref name="output"/>.</summary>
    public static IReadOnlyList<string> Arguments(string video, string output, AudioExtractFormat format, AudioStreamInfo stream)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(video);
        ArgumentException.ThrowIfNullOrWhiteSpace(output);
        ArgumentNullException.ThrowIfNull(stream);
        var deep = stream.BitsPerSample is > 16;
        string[] codec = format switch
        {
            AudioExtractFormat.Wav => ["-c:a", deep ? "pcm_s24le" : "pcm_s16le", "-f", "wav"],
            AudioExtractFormat.Flac => ["-c:a", "flac", "-sample_fmt", deep ? "s32" : "s16", "-f", "flac"],
            AudioExtractFormat.Copy => ["-c:a", "copy", "-f", CopyMuxer(Path.GetExtension(output))],
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "The speech format is AudioExtract's."),
        };
        return
        [
            "-hide_banner", "-nostdin", "-y", "-v", "error", "-progress", "pipe:1", "-nostats", "-i", FfmpegCommandRenderer.FilePath(video),
            "-vn", "-sn", "-dn", "-map", "0:" + stream.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. codec, FfmpegCommandRenderer.FilePath(output),
        ];
    }

    // The output is written under a partial name first, so the muxer is named rather than guessed from it.
    private static string CopyMuxer(string extension) => extension.ToLowerInvariant() switch
    {
        ".m4a" => "ipod",
        ".mp3" => "mp3",
        ".flac" => "flac",
        ".opus" => "opus",
        ".ogg" => "ogg",
        ".ac3" => "ac3",
        ".eac3" => "eac3",
        _ => "matroska",
    };
}
