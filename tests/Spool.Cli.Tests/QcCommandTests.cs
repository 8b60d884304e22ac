namespace Spool.Cli.Tests;

/// <summary>spool qc's exit codes: 0 passed, 1 a check failed, 2 usage errors (before any ffmpeg runs).</summary>
public sealed class QcCommandTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-qc-cli-" + Guid.NewGuid().ToString("N"));

    private string Source => Path.Combine(_folder, "source.mp4");

    private string Output => Path.Combine(_folder, "output.mp4");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await CliMedia.FfmpegAsync("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=1", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "18", "-pix_fmt", "yuv420p", Source);
        await CliMedia.FfmpegAsync("-i", Source, "-c:v", "libx264", "-preset", "ultrafast", "-crf", "23", Output);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_good_encode_exits_0()
    {
        Assert.Equal(0, await SpoolApp.RunAsync(["qc", Output, "--reference", Source, "--json"]));
    }

    [Fact]
    public async Task A_failed_check_exits_1()
    {
        Assert.Equal(1, await SpoolApp.RunAsync(["qc", Output, "--reference", Source, "--expect-resolution", "1920x1080", "--mode", "quick"]));
    }

    [Theory]
    [InlineData("--expect-resolution", "1920by1080")]
    [InlineData("--expect-resolution", "0x1080")]
    [InlineData("--min-ssim", "1.5")]
    [InlineData("--max-duration-delta", "-1")]
    [InlineData("--mode", "thorough")]
    public async Task Bad_values_exit_2(string flag, string value)
    {
        Assert.Equal(2, await SpoolApp.RunAsync(["qc", Output, "--reference", Source, flag, value]));
    }

    [Fact]
    public async Task A_missing_reference_exits_2()
    {
        Assert.Equal(2, await SpoolApp.RunAsync(["qc", Output, "--reference", Path.Combine(_folder, "none.mp4")]));
        Assert.Equal(2, await SpoolApp.RunAsync(["qc", Output]));
    }
}
