using Spool.Media.Processes;

namespace Spool.Core.Tests.Operations;

/// <summary>Clips made with lavfi for the tests that run a batch: 320x240, 25 fps, with a tone.</summary>
internal static class TestClips
{
    // MPEG-4 Part 2, not H.264: every preset encodes it. An H.264 clip that already is what a preset makes is remuxed
    // (issue 12), and these tests are about encodes.
    public static async Task<string> MakeAsync(string folder, string name, double seconds)
    {
        var path = Path.Combine(folder, name);
        var result = await new ProcessRunner().RunAsync(
            new ProcessRequest("ffmpeg", ["-hide_banner", "-y", "-f", "lavfi", "-i", $"testsrc2=size=320x240:rate=25:duration={seconds}", "-f", "lavfi", "-i", $"sine=duration={seconds}",
                "-c:v", "mpeg4", "-q:v", "5", "-c:a", "aac", "-shortest", "file:" + path]),
            null, CancellationToken.None);
        Assert.True(result.Succeeded, result.Stderr);
        return path;
    }
}
