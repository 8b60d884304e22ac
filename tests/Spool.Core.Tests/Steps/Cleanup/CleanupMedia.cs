using Spool.Core.Tests.Quality.Checks;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Steps.Cleanup;

/// <summary>A temp folder per test with tiny lavfi media made by the local ffmpeg, and the runs the tests need.</summary>
internal sealed class CleanupMedia : IDisposable
{
    public CleanupMedia(string? subfolder = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "spool-cleanup-" + Guid.NewGuid().ToString("N"));
        Folder = subfolder is null ? Root : Path.Combine(Root, subfolder);
        Directory.CreateDirectory(Folder);
    }

    public string Root { get; }

    public string Folder { get; }

    public ProcessRunner Runner { get; } = new();

    /// <summary>Runs ffmpeg with these tokens (never a shell line, so paths may hold anything) and requires success.</summary>
    public async Task<ProcessResult> FfmpegAsync(params string[] arguments)
    {
        var result = await Runner.RunAsync(
            new ProcessRequest(QcMediaFixture.Ffmpeg, ["-hide_banner", "-nostdin", "-y", .. arguments]), null, CancellationToken.None);
        Assert.True(result.Succeeded, $"{result.CommandLine} failed: {result.StderrTail()}");
        return result;
    }

    /// <summary>H.264 ultrafast from a lavfi video graph, with a lavfi audio graph when given.</summary>
    public async Task<MediaInfo> MakeAsync(string name, string video, string? audio = null)
    {
        var path = Path.Combine(Folder, name);
        List<string> arguments = ["-f", "lavfi", "-i", video];
        if (audio is not null)
        {
            arguments.AddRange(["-f", "lavfi", "-i", audio, "-c:a", "aac", "-ac", "2", "-shortest"]);
        }

        await FfmpegAsync([.. arguments, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", path]);
        return await ProbeAsync(path);
    }

    public async Task<MediaInfo> ProbeAsync(string path)
    {
        var outcome = await new Prober(Runner, QcMediaFixture.Ffprobe).ProbeAsync(path, CancellationToken.None);
        return Assert.IsType<ProbeOutcome.Probed>(outcome).Media;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
