using Spool.Media.Capabilities;
using Spool.Media.Processes;

namespace Spool.Media.Tests.Capabilities;

public sealed class FfmpegCapabilityDetectorTests
{
    [Fact]
    public async Task The_local_ffmpeg_reports_what_spool_needs()
    {
        var detector = new FfmpegCapabilityDetector(new ProcessRunner());

        var capabilities = await detector.DetectAsync("ffmpeg", CancellationToken.None);

        Assert.NotNull(capabilities);
        Assert.False(string.IsNullOrWhiteSpace(capabilities.Version));
        Assert.True(capabilities.HasEncoder("libx264"));
        Assert.True(capabilities.HasEncoder("aac"));
        Assert.True(capabilities.HasFilter("scale"));
        Assert.True(capabilities.HasFilter("split"));
        Assert.DoesNotContain("=", capabilities.Encoders);
        Assert.DoesNotContain("=", capabilities.Filters);
    }

    [Fact]
    public async Task A_missing_ffmpeg_gives_null()
    {
        var detector = new FfmpegCapabilityDetector(new ProcessRunner());

        Assert.Null(await detector.DetectAsync("/nonexistent/spool/ffmpeg", CancellationToken.None));
    }

    [Fact]
    public async Task A_program_that_is_not_ffmpeg_gives_null()
    {
        // /bin/true exits 0 and prints nothing: it runs, but it is not ffmpeg.
        var detector = new FfmpegCapabilityDetector(new ProcessRunner());

        Assert.Null(await detector.DetectAsync("/bin/true", CancellationToken.None));
    }

    [Fact]
    public async Task A_failing_listing_gives_null()
    {
        var runner = new ScriptedRunner(args => args[^1] == "-filters"
            ? Result(ProcessEnd.Exited, 1, "")
            : Result(ProcessEnd.Exited, 0, args[^1] == "-version" ? "ffmpeg version 5.1.9 Copyright\n" : ""));
        var detector = new FfmpegCapabilityDetector(runner);

        Assert.Null(await detector.DetectAsync("ffmpeg", CancellationToken.None));
    }

    [Fact]
    public async Task The_listings_are_asked_for_without_a_banner()
    {
        var runner = new ScriptedRunner(args => Result(ProcessEnd.Exited, 0, "ffmpeg version 6.0 Copyright\n"));
        var detector = new FfmpegCapabilityDetector(runner);

        var capabilities = await detector.DetectAsync("/opt/ffmpeg/bin/ffmpeg", CancellationToken.None);

        Assert.Equal("6.0", capabilities?.Version);
        Assert.Equal(
            ["-hide_banner -nostdin -encoders", "-hide_banner -nostdin -filters", "-hide_banner -nostdin -hwaccels", "-hide_banner -nostdin -version"],
            runner.Calls.Select(c => string.Join(' ', c.Arguments)).Order(StringComparer.Ordinal));
        Assert.All(runner.Calls, c => Assert.Equal("/opt/ffmpeg/bin/ffmpeg", c.FileName));
    }

    [Fact]
    public async Task Cancellation_throws_rather_than_reporting_ffmpeg_missing()
    {
        var detector = new FfmpegCapabilityDetector(new ProcessRunner());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => detector.DetectAsync("ffmpeg", new CancellationToken(canceled: true)));
    }

    private static ProcessResult Result(ProcessEnd end, int exitCode, string stdout) =>
        new(end, exitCode, stdout, "", "ffmpeg", TimeSpan.Zero);

    private sealed class ScriptedRunner(Func<IReadOnlyList<string>, ProcessResult> answer) : IProcessRunner
    {
        private readonly Lock gate = new();
        private readonly List<ProcessRequest> calls = [];

        public IReadOnlyList<ProcessRequest> Calls
        {
            get
            {
                lock (gate)
                {
                    return [.. calls];
                }
            }
        }

        public Task<ProcessResult> RunAsync(ProcessRequest request, IProgress<FfmpegProgress>? progress, CancellationToken cancellationToken)
        {
            lock (gate)
            {
                calls.Add(request);
            }

            return Task.FromResult(answer(request.Arguments));
        }
    }
}
