using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Media.Tests.Probing;

/// <summary>One probe per input: a probe is captured once and read again, without ffprobe, while the file is unchanged.</summary>
public sealed class ProbeCaptureTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("spool-capture-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task A_capture_read_again_while_the_file_is_unchanged_gives_the_same_media_without_ffprobe()
    {
        var path = await WriteAsync("png-truncated.png", 4);
        var runner = new CountingRunner(Exited(0, Fixture("png_truncated_zero_dimensions"), "[png @ 0x556138353980] chunk too big\n"));
        var prober = new Prober(runner, "ffprobe");
        var (first, capture) = await prober.CaptureAsync(path, CancellationToken.None);

        var again = await prober.ProbeAsync(path, capture, CancellationToken.None);

        Assert.Equal(1, runner.Runs);
        var media = Assert.IsType<ProbeOutcome.Probed>(again).Media;
        Assert.Equal(Assert.IsType<ProbeOutcome.Probed>(first).Media.Warnings, media.Warnings);
        Assert.Equal(["video stream 0 has no picture size (0x0); dropped.", "ffprobe: [png @ 0x556138353980] chunk too big"], media.Warnings);
        Assert.Equal(4, capture!.Bytes);
        Assert.Equal(File.GetLastWriteTimeUtc(path).Ticks, capture.ModifiedTicks);
        Assert.Equal("[png @ 0x556138353980] chunk too big", capture.Stderr);
    }

    [Fact]
    public async Task A_file_whose_size_changed_since_its_capture_is_probed_again()
    {
        var path = await WriteAsync("clip.mp4", 4);
        var runner = new CountingRunner(Exited(0, Fixture("surround_5_1")));
        var prober = new Prober(runner, "ffprobe");
        var (_, capture) = await prober.CaptureAsync(path, CancellationToken.None);
        var modified = File.GetLastWriteTimeUtc(path);
        await File.WriteAllBytesAsync(path, [0, 0, 0, 24, 1]);
        File.SetLastWriteTimeUtc(path, modified);

        var again = await prober.ProbeAsync(path, capture, CancellationToken.None);

        Assert.Equal(2, runner.Runs);
        Assert.IsType<ProbeOutcome.Probed>(again);
    }

    [Fact]
    public async Task A_file_rewritten_at_the_same_size_since_its_capture_is_probed_again()
    {
        var path = await WriteAsync("clip.mp4", 4);
        var runner = new CountingRunner(Exited(0, Fixture("surround_5_1")));
        var prober = new Prober(runner, "ffprobe");
        var (_, capture) = await prober.CaptureAsync(path, CancellationToken.None);
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(1));

        await prober.ProbeAsync(path, capture, CancellationToken.None);

        Assert.Equal(2, runner.Runs);
    }

    [Fact]
    public async Task A_file_gone_since_its_capture_fails_as_input_missing()
    {
        var path = await WriteAsync("clip.mp4", 4);
        var runner = new CountingRunner(Exited(0, Fixture("surround_5_1")));
        var prober = new Prober(runner, "ffprobe");
        var (_, capture) = await prober.CaptureAsync(path, CancellationToken.None);
        File.Delete(path);

        var again = await prober.ProbeAsync(path, capture, CancellationToken.None);

        Assert.Equal(ErrorCategory.InputMissing, Assert.IsType<ProbeOutcome.Failed>(again).Error.Category);
        Assert.Equal(1, runner.Runs);
    }

    [Fact]
    public async Task A_failed_probe_leaves_no_capture_so_the_next_probe_runs_ffprobe()
    {
        var path = await WriteAsync("flash.flv", 4);
        var runner = new CountingRunner(Exited(1, "", "file:flash.flv: End of file\n"));
        var prober = new Prober(runner, "ffprobe");

        var (outcome, capture) = await prober.CaptureAsync(path, CancellationToken.None);
        var again = await prober.ProbeAsync(path, capture, CancellationToken.None);

        Assert.Null(capture);
        Assert.Equal(Assert.IsType<ProbeOutcome.Failed>(outcome).Error, Assert.IsType<ProbeOutcome.Failed>(again).Error);
        Assert.Equal(2, runner.Runs);
    }

    private static ProcessResult Exited(int code, string stdout, string stderr = "") =>
        new(ProcessEnd.Exited, code, stdout, stderr, "ffprobe …", TimeSpan.FromMilliseconds(30));

    private static string Fixture(string quirk) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Probing", "Fixtures", quirk + ".json"));

    private async Task<string> WriteAsync(string name, int bytes)
    {
        var path = Path.Combine(directory, name);
        await File.WriteAllBytesAsync(path, new byte[bytes]);
        return path;
    }

    private sealed class CountingRunner(ProcessResult result) : IProcessRunner
    {
        private int runs;

        public int Runs => Volatile.Read(ref runs);

        public Task<ProcessResult> RunAsync(ProcessRequest request, IProgress<FfmpegProgress>? progress, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref runs);
            return Task.FromResult(result);
        }
    }
}
