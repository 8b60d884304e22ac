using Spool.Media.Processes;

namespace Spool.Media.Tests.Processes;

/// <summary>
/// The stall watchdog of a run that parses ffmpeg's progress watches out_time: a run that keeps writing (repeated
/// progress blocks, stderr noise) while its output time stands still is stalled. /bin/sh stands in for ffmpeg.
/// </summary>
public sealed class ProcessRunnerStallTests
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(2);

    // Far past the stall limit, so a run that ends by this limit shows the watchdog missed the stall.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    private readonly ProcessRunner runner = new();

    [Fact]
    public async Task Progress_blocks_repeating_one_out_time_end_the_run_as_stalled()
    {
        const string frozen = "while :; do printf 'frame=10\\nout_time_us=400000\\nspeed=0.5x\\nprogress=continue\\n'; echo 'frame=   10 q=28.0 size=0kB' >&2; sleep 0.05; done";

        var result = await RunAsync(frozen, parsesProgress: true);

        Assert.Equal(ProcessEnd.Stalled, result.End);
        Assert.InRange(result.Elapsed, Stall, Guard - TimeSpan.FromSeconds(2));
        Assert.Contains("out_time_us=400000", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stderr_noise_without_any_progress_block_ends_the_run_as_stalled()
    {
        var result = await RunAsync("while :; do echo 'Error while decoding stream #0:0' >&2; sleep 0.05; done", parsesProgress: true);

        Assert.Equal(ProcessEnd.Stalled, result.End);
        Assert.InRange(result.Elapsed, Stall, Guard - TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task An_out_time_that_advances_keeps_a_run_longer_than_the_stall_limit_alive()
    {
        const string advancing = "i=0; while [ $i -lt 40 ]; do i=$((i+1)); printf 'out_time_us=%d00000\\nprogress=continue\\n' $i; sleep 0.1; done; printf 'out_time_us=4100000\\nprogress=end\\n'";

        var result = await RunAsync(advancing, parsesProgress: true);

        Assert.Equal(ProcessEnd.Exited, result.End);
        Assert.Equal(0, result.ExitCode);
        Assert.True(result.Elapsed > Stall, $"took {result.Elapsed}: too short to show anything");
    }

    [Fact]
    public async Task A_run_that_parses_no_progress_keeps_the_byte_rule()
    {
        const string repeating = "i=0; while [ $i -lt 25 ]; do i=$((i+1)); printf 'out_time_us=400000\\nprogress=continue\\n'; sleep 0.1; done";

        var result = await RunAsync(repeating, parsesProgress: false);

        Assert.Equal(ProcessEnd.Exited, result.End);
        Assert.Equal(0, result.ExitCode);
    }

    private Task<ProcessResult> RunAsync(string script, bool parsesProgress) =>
        runner.RunAsync(
            new ProcessRequest("/bin/sh", ["-c", script])
            {
                ParsesProgress = parsesProgress,
                StallTimeout = Stall,
                Timeout = Guard,
                GracefulStopWait = TimeSpan.FromMilliseconds(100),
            },
            progress: null,
            CancellationToken.None);
}
