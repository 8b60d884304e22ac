using Spool.Media.Processes;

namespace Spool.Core.Tests.Operations;

/// <summary>Clips made with lavfi for the tests that run a batch: 320x240, 25 fps, with a tone.</summary>
internal static class TestClips
{
    public static async Task<string> MakeAsync(string folder, string name, double seconds)
    {
        var path = Path.Combine(folder, name);
        var result = await new ProcessRunner().RunAsync(
            new ProcessRequest("ffmpeg", ["-hide_banner", "-y", "-f", "lavfi", "-i", $"testsrc2=size=320x240:rate=25:duration={seconds}", "-f", "lavfi", "-i", $"sine=duration={seconds}",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", "file:" + path]),
            null, CancellationToken.None);
        Assert.True(result.Succeeded, result.Stderr);
        return path;
    }
}
