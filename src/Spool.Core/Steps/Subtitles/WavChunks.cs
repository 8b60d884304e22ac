using System.Buffers.Binary;
using System.Text;

namespace Spool.Core.Steps.Subtitles;

/// <summary>
/// Cuts a PCM WAV file into standalone WAV files of at most a given length, read one at a time: a service that takes
/// at most 25 MB per request (OpenAI's limit; 16 kHz mono is 1.9 MB a minute) can then transcribe a film in pieces.
/// The header is read chunk by chunk (ffmpeg writes a LIST chunk before "data"), never assumed to be 44 bytes.
/// </summary>
internal static class WavChunks
{
    public static async IAsyncEnumerable<(TimeSpan Offset, byte[] Wav)> ReadAsync(
        string path, TimeSpan maxLength, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var (format, dataStart, dataLength) = await ReadHeaderAsync(stream, cancellationToken);
        var sampleRate = BinaryPrimitives.ReadInt32LittleEndian(format.AsSpan(4));
        var blockAlign = BinaryPrimitives.ReadInt16LittleEndian(format.AsSpan(12));
        var bytesPerSecond = (long)sampleRate * blockAlign;
        var chunkBytes = Math.Max(1, (long)(maxLength.TotalSeconds * sampleRate)) * blockAlign;
        stream.Position = dataStart;
        for (long done = 0; done < dataLength; done += chunkBytes)
        {
            var length = (int)Math.Min(chunkBytes, dataLength - done);
            var wav = new byte[20 + format.Length + 8 + length];
            Header(wav, format, length);
            await stream.ReadExactlyAsync(wav.AsMemory(wav.Length - length), cancellationToken);
            yield return (TimeSpan.FromSeconds(done / (double)bytesPerSecond), wav);
        }
    }

    private static async Task<(byte[] Format, long DataStart, long DataLength)> ReadHeaderAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new byte[12];
        await stream.ReadExactlyAsync(head, cancellationToken);
        if (Encoding.ASCII.GetString(head, 0, 4) != "RIFF" || Encoding.ASCII.GetString(head, 8, 4) != "WAVE")
        {
            throw new InvalidDataException($"Not a WAV file: {stream}");
        }

        byte[]? format = null;
        var chunk = new byte[8];
        while (true)
        {
            await stream.ReadExactlyAsync(chunk, cancellationToken);
            var id = Encoding.ASCII.GetString(chunk, 0, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(4));
            if (id == "data")
            {
                var available = stream.Length - stream.Position;
                return (format ?? throw new InvalidDataException("The WAV file has no fmt chunk."), stream.Position, size == 0 || size > available ? available : size);
            }

            if (id == "fmt ")
            {
                format = new byte[size];
                await stream.ReadExactlyAsync(format, cancellationToken);
            }
            else
            {
                stream.Seek(size, SeekOrigin.Current);
            }

            if ((size & 1) == 1)
            {
                stream.Seek(1, SeekOrigin.Current);
            }
        }
    }

    private static void Header(byte[] wav, byte[] format, int dataLength)
    {
        Encoding.ASCII.GetBytes("RIFF", wav.AsSpan(0));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), wav.Length - 8);
        Encoding.ASCII.GetBytes("WAVEfmt ", wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), format.Length);
        format.CopyTo(wav, 20);
        Encoding.ASCII.GetBytes("data", wav.AsSpan(20 + format.Length));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24 + format.Length), dataLength);
    }
}
