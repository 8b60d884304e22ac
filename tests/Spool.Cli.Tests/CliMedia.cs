using System.Diagnostics;

namespace Spool.Cli.Tests;

/// <summary>Tiny test clips made with ffmpeg's lavfi sources.</summary>
internal static class CliMedia
{
    public static async Task ClipAsync(string path)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("SPOOL_FFMPEG") is { Length: > 0 } ffmpeg ? ffmpeg : "ffmpeg")
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=s=320x240:d=1",
            "-f", "lavfi", "-i", "sine=d=1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", "file:" + path])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("ffmpeg failed making a test clip: " + stderr);
        }
    }
}
