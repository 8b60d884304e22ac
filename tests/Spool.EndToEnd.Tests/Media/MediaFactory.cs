using System.Globalization;
using Spool.EndToEnd.Tests.Infrastructure;

namespace Spool.EndToEnd.Tests.Media;

/// <summary>Makes test media with ffmpeg's lavfi sources. Every output path goes as file:, so any file name is safe.</summary>
public static class MediaFactory
{
    /// <summary>A testsrc2 picture (testsrc for odd sizes, which testsrc2 rounds) with an optional sine tone.</summary>
    public static Task ClipAsync(string path, ClipSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var source = spec.Width % 2 == 1 || spec.Height % 2 == 1 ? "testsrc" : "testsrc2";
        var arguments = new List<string>
        {
            "-f", "lavfi", "-i", string.Create(CultureInfo.InvariantCulture, $"{source}=s={spec.Width}x{spec.Height}:r={spec.Rate}:d={spec.Seconds}"),
        };
        if (spec.AudioChannels > 0)
        {
            arguments.AddRange(["-f", "lavfi", "-i", string.Create(CultureInfo.InvariantCulture, $"sine=f=440:sample_rate=48000:d={spec.Seconds}")]);
        }

        arguments.AddRange(spec.VideoArguments);
        if (spec.AudioChannels > 0)
        {
            arguments.AddRange(spec.AudioArguments);
            arguments.AddRange(["-ac", spec.AudioChannels.ToString(CultureInfo.InvariantCulture), "-shortest"]);
        }

        arguments.Add("file:" + path);
        return Ffmpeg.RunAsync([.. arguments]);
    }

    /// <summary>Sets a display rotation without re-encoding: ffmpeg 5.1 writes the display matrix only when remuxing.</summary>
    public static async Task RotateAsync(string source, string path, int degrees) =>
        await Ffmpeg.RunAsync("-i", "file:" + source, "-c", "copy", "-metadata:s:v:0", "rotate=" + degrees.ToString(CultureInfo.InvariantCulture), "file:" + path);

    /// <summary>The first <paramref name="fraction"/> of a good file's bytes: a download cut short.</summary>
    public static async Task TruncateAsync(string source, string path, double fraction)
    {
        var bytes = await File.ReadAllBytesAsync(source);
        await File.WriteAllBytesAsync(path, bytes.AsSpan(0, (int)(bytes.Length * fraction)).ToArray());
    }

    /// <summary>Keeps a faststart MP4's header (moov) intact and overwrites every byte of its media data: it probes, but nothing decodes.</summary>
    public static async Task ScrambleMediaDataAsync(string source, string path)
    {
        var bytes = await File.ReadAllBytesAsync(source);
        var mdat = bytes.AsSpan().IndexOf("mdat"u8);
        if (mdat < 0)
        {
            throw new InvalidOperationException($"{source} has no mdat box to scramble.");
        }

        new Random(7).NextBytes(bytes.AsSpan(mdat + 4));
        await File.WriteAllBytesAsync(path, bytes);
    }

    public static Task RandomBytesAsync(string path, int length)
    {
        var bytes = new byte[length];
        new Random(20240501).NextBytes(bytes);
        return File.WriteAllBytesAsync(path, bytes);
    }
}

/// <summary>
/// What to generate: size, rate, length, audio channels (0 = none), and the encoder arguments. By default H.264 4:2:2,
/// which every preset re-encodes: an H.264 4:2:0 source that already is what its preset makes is remuxed (issue 12),
/// and most tests are about encodes; a test about remuxing asks for <see cref="X264"/>.
/// </summary>
public sealed record ClipSpec(int Width, int Height, string Rate = "25", double Seconds = 1, int AudioChannels = 2)
{
    public static readonly IReadOnlyList<string> X264 = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"];

    public static readonly IReadOnlyList<string> X264Encodable = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv422p"];

    public IReadOnlyList<string> VideoArguments { get; init; } = X264Encodable;

    public IReadOnlyList<string> AudioArguments { get; init; } = ["-c:a", "aac", "-b:a", "96k"];

    public static ClipSpec Small(int audioChannels = 2) => new(320, 240, AudioChannels: audioChannels);
}
