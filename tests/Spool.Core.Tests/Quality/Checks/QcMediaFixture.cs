using System.Diagnostics;

namespace Spool.Core.Tests.Quality.Checks;

/// <summary>
/// The QC cases, made once per test class with the local ffmpeg: a 2 s 1080p testsrc2 source with a sine
/// tone, and the encodes and planted defects checked against it.
/// </summary>
public sealed class QcMediaFixture : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "spool-qc-" + Guid.NewGuid().ToString("N"));

    public static string Ffmpeg => Environment.GetEnvironmentVariable("SPOOL_FFMPEG") is { Length: > 0 } path ? path : "ffmpeg";

    public static string Ffprobe => Environment.GetEnvironmentVariable("SPOOL_FFPROBE") is { Length: > 0 } path ? path : "ffprobe";

    public string Source => Path.Combine(Folder, "source.mp4");

    public string Crf23 => Path.Combine(Folder, "crf23.mp4");

    public string Encode720 => Path.Combine(Folder, "encode720.mp4");

    public string HalfDuration => Path.Combine(Folder, "half.mp4");

    public string Crf51 => Path.Combine(Folder, "crf51.mp4");

    public string Corrupt => Path.Combine(Folder, "corrupt.mp4");

    public string Clipped => Path.Combine(Folder, "clipped.mp4");

    public string Fps24 => Path.Combine(Folder, "fps24.mp4");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        // veryfast for the encodes the issue names (an ultrafast CRF 51 keeps testsrc2 above SSIM 0.96), ultrafast
        // for the rest: the class stays well under a minute.
        const string h264 = "-c:v libx264 -preset veryfast -pix_fmt yuv420p";
        const string quick = "-c:v libx264 -preset ultrafast -pix_fmt yuv420p";
        await FfmpegAsync($"-f lavfi -i testsrc2=size=1920x1080:rate=30:duration=2 -f lavfi -i sine=frequency=440:duration=2 {quick} -crf 18 -c:a aac -shortest {Source}");
        await FfmpegAsync($"-i {Source} -map 0 {h264} -crf 23 -c:a aac {Crf23}");
        await FfmpegAsync($"-i {Source} -map 0 -vf scale=1280:720 {h264} -crf 23 -c:a aac {Encode720}");
        await FfmpegAsync($"-i {Source} -map 0 {h264} -crf 51 -c:a aac {Crf51}");
        await FfmpegAsync($"-i {Source} -map 0 -vf fps=24 {quick} -crf 16 -c:a aac {Fps24}");
        await FfmpegAsync($"-i {Crf23} -map 0 -t 1 -c copy {HalfDuration}");
        await FfmpegAsync($"-i {Crf23} -map 0 -c:v copy -af volume=20dB -c:a aac {Clipped}");
        File.Copy(Crf23, Corrupt);
        await using var stream = new FileStream(Corrupt, FileMode.Open, FileAccess.Write);
        var noise = new byte[20 * 1024];
        new Random(4).NextBytes(noise);
        stream.Seek(stream.Length / 2, SeekOrigin.Begin);
        await stream.WriteAsync(noise);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    // Paths here never hold spaces (a temp folder and fixed names), so splitting the line on spaces is safe.
    private static async Task FfmpegAsync(string arguments)
    {
        var info = new ProcessStartInfo(Ffmpeg) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var token in ("-hide_banner -nostdin -v error -y " + arguments).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            info.ArgumentList.Add(token);
        }

        using var process = Process.Start(info)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"ffmpeg {arguments} failed: {stderr}");
    }
}
