using System.Diagnostics;

namespace Spool.Cli.Tests;

/// <summary>Test media made with ffmpeg ($SPOOL_FFMPEG when set): the tests' own witness, not Spool's code.</summary>
internal static class CliMedia
{
    /// <summary>A 1 s 320x240 testsrc2 clip with a sine tone.</summary>
    public static Task ClipAsync(string path) =>
        FfmpegAsync("-f", "lavfi", "-i", "testsrc2=s=320x240:d=1", "-f", "lavfi", "-i", "sine=d=1",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", "file:" + path);

    /// <summary>Runs ffmpeg quietly; a failure throws with its stderr.</summary>
    public static async Task FfmpegAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("SPOOL_FFMPEG") is { Length: > 0 } ffmpeg ? ffmpeg : "ffmpeg")
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-v", "error", "-y", .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("ffmpeg failed making test media: " + stderr);
        }
    }
}
