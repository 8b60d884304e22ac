using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Spool.Core.Tests.Validation;

/// <summary>Real media for the validation and report tests: lavfi clips made with ffmpeg, and tests/corpus.</summary>
internal static class TestMedia
{
    public static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "spool-validate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>A 4 s 320x240 H.264 + AAC MP4 with a keyframe every second, moov first.</summary>
    public static async Task<string> GoodClipAsync(string folder, string name = "good.mp4")
    {
        var path = Path.Combine(folder, name);
        await FfmpegAsync(
            "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=d=4:s=320x240:r=25", "-f", "lavfi", "-i", "sine=d=4",
            "-c:v", "libx264", "-g", "25", "-c:a", "aac", "-movflags", "+faststart", "file:" + path);
        return path;
    }

    /// <summary>
    /// The good clip with the last three quarters of its mdat payload overwritten by seeded random bytes: the header
    /// (moov, first) is intact, so it probes as a 4 s video, but the frames do not decode.
    /// </summary>
    public static async Task<string> ScrambledPayloadClipAsync(string folder)
    {
        var path = await GoodClipAsync(folder, "scrambled.mp4");
        var bytes = await File.ReadAllBytesAsync(path);
        var mdat = bytes.AsSpan().IndexOf("mdat"u8);
        Assert.True(mdat > 0, "the clip has an mdat box");
        var start = mdat + 8 + ((bytes.Length - mdat) / 4);
        new Random(1).NextBytes(bytes.AsSpan(start, bytes.Length - start - 16));
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }

    /// <summary>
    /// A 10 s 320x240 H.264 + AAC MP4 (keyframe every second, moov first) with 20 kB of seeded random bytes written at
    /// half its size: the damage sits near 5 s, the rest decodes.
    /// </summary>
    public static async Task<string> DamagedAtFiveSecondsClipAsync(string folder, string name = "damaged.mp4")
    {
        var path = Path.Combine(folder, name);
        await FfmpegAsync(
            "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=d=10:s=320x240:r=25", "-f", "lavfi", "-i", "sine=d=10",
            "-c:v", "libx264", "-g", "25", "-c:a", "aac", "-movflags", "+faststart", "file:" + path);
        var bytes = await File.ReadAllBytesAsync(path);
        new Random(5).NextBytes(bytes.AsSpan(bytes.Length / 2, 20_000));
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }

    public static async Task FfmpegAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"ffmpeg failed: {stderr}");
    }

    /// <summary>tests/corpus in the repository, found from this source file (the build may live elsewhere).</summary>
    public static string Corpus([CallerFilePath] string sourceFile = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(sourceFile)!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Spool.slnx")))
            {
                return Path.Combine(dir.FullName, "tests", "corpus");
            }
        }

        throw new InvalidOperationException($"No Spool.slnx above {sourceFile}: tests/corpus cannot be found.");
    }
}
