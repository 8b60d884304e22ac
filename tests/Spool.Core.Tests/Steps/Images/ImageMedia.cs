using System.Security.Cryptography;
using Spool.Core.Steps.Images;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Steps.Images;

/// <summary>
/// Tiny lavfi clips for the image steps, made once for all of them: a 12 s 320x240 testsrc2 at 10 fps (keyframe
/// every 1.6 s, so seeks decode a few frames past a keyframe) and the same with its first 3 s black.
/// </summary>
public sealed class ImageMedia : IAsyncLifetime
{
    public const int Rate = 10;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "spool-images-" + Guid.NewGuid().ToString("N"));

    public string Clip => Path.Combine(Folder, "clip.mp4");

    public string BlackStart => Path.Combine(Folder, "black start.mp4");

    public static ProcessRunner Runner { get; } = new();

    public static string Ffmpeg => Environment.GetEnvironmentVariable("SPOOL_FFMPEG") is { Length: > 0 } path ? path : "ffmpeg";

    public static string Ffprobe => Environment.GetEnvironmentVariable("SPOOL_FFPROBE") is { Length: > 0 } path ? path : "ffprobe";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        await FfmpegAsync(["-f", "lavfi", "-i", "testsrc2=s=320x240:r=10:d=12", .. Encode(Clip)]);
        await FfmpegAsync(
        [
            "-f", "lavfi", "-i", "color=c=black:s=320x240:r=10:d=3", "-f", "lavfi", "-i", "testsrc2=s=320x240:r=10:d=9",
            "-filter_complex", "[0:v][1:v]concat=n=2:v=1:a=0", .. Encode(BlackStart),
        ]);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    public string NewFolder()
    {
        var folder = Path.Combine(Folder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static async Task<MediaInfo> ProbeAsync(string path)
    {
        var outcome = await new Prober(Runner, Ffprobe).ProbeAsync(path, CancellationToken.None);
        return Assert.IsType<ProbeOutcome.Probed>(outcome).Media;
    }

    /// <summary>
    /// Each picture's luma levels (after <paramref name="filter"/>, e.g. a crop), measured by one ffmpeg that
    /// concatenates the pictures (they share a size) and prints signalstats per frame.
    /// </summary>
    public static async Task<IReadOnlyList<PictureLevels>> LevelsAsync(IReadOnlyList<string> images, string filter = "null")
    {
        var inputs = images.SelectMany(image => new[] { "-i", "file:" + image });
        var concat = string.Concat(images.Select((_, k) => $"[{k}:v]")) + $"concat=n={images.Count}:v=1:a=0,{filter},format=yuv420p,signalstats,metadata=mode=print";
        var result = await Runner.RunAsync(
            new ProcessRequest(Ffmpeg, ["-hide_banner", "-nostdin", "-v", "info", .. inputs, "-filter_complex", concat, "-f", "null", "-"]),
            null, CancellationToken.None);
        Assert.True(result.Succeeded, result.Stderr);
        var levels = result.Stderr.Split("pts_time:").Skip(1).Select(PictureLevels.Parse).OfType<PictureLevels>().ToList();
        Assert.Equal(images.Count, levels.Count);
        return levels;
    }

    public static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    public static async Task FfmpegAsync(params string[] arguments)
    {
        var result = await Runner.RunAsync(new ProcessRequest(Ffmpeg, ["-hide_banner", "-nostdin", "-v", "error", "-y", .. arguments]), null, CancellationToken.None);
        Assert.True(result.Succeeded, result.Stderr);
    }

    private static string[] Encode(string path) =>
        ["-c:v", "libx264", "-preset", "ultrafast", "-g", "16", "-pix_fmt", "yuv420p", "file:" + path];
}

/// <summary>One set of clips for every image test: the classes share it and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ImageMediaGroup : ICollectionFixture<ImageMedia>
{
    public const string Name = "image media";
}
