using Spool.Core.Queue;

namespace Spool.Core.Tests.Queue;

/// <summary>Issue 10.1: the job's current holder removes what its dead or frozen earlier holders left, and nothing else.</summary>
public sealed class StalePartialsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-stale-" + Guid.NewGuid().ToString("N"));

    public StalePartialsTests() => Directory.CreateDirectory(Path.Combine(_folder, "video"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Tags_carry_the_job_and_its_lease_token() => Assert.Equal("partial-12-3", StalePartials.TagOf(12, 3));

    [Fact]
    public void Only_lower_tokens_of_the_claimed_jobs_are_removed()
    {
        string[] stale = ["video/clip_web.partial-12-2.mp4", "hls.partial-13-1/720p/index.m3u8", "metadata/probe.partial-12-1.json"];
        string[] kept = ["video/clip_web.partial-12-3.mp4", "video/clip_web.partial-12-4.mp4", "video/clip_mobile.partial-14-1.mp4", "video/clip_web.mp4", "video/clip_web.partial.mp4"];
        foreach (var file in stale.Concat(kept))
        {
            var path = Path.Combine(_folder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file);
        }

        StalePartials.Remove(_folder, new Dictionary<long, long> { [12] = 3, [13] = 2 });

        var left = Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(_folder, path)).Order(StringComparer.Ordinal);
        Assert.Equal(kept.Order(StringComparer.Ordinal), left);
        Assert.False(Directory.Exists(Path.Combine(_folder, "hls.partial-13-1")));
    }
}
