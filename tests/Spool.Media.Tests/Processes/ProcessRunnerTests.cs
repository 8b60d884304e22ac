using System.Globalization;
using Spool.Media.Processes;

namespace Spool.Media.Tests.Processes;

// Real child processes. /bin/sh, sleep and head stand in for ffmpeg where only the runner's plumbing is under test;
// production code never runs a shell.
public sealed class ProcessRunnerTests
{
    private static readonly TimeSpan KillBound = TimeSpan.FromSeconds(15);
    private readonly ProcessRunner runner = new();

    [Fact]
    public async Task Exit_code_stdout_and_stderr_are_captured()
    {
        var result = await RunShellAsync("printf hello; echo oops >&2; exit 3");

        Assert.Equal(ProcessEnd.Exited, result.End);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("hello", result.Stdout);
        Assert.Equal("oops\n", result.Stderr);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task A_run_reports_the_peak_memory_and_cpu_time_of_its_process()
    {
        var result = await RunShellAsync("sleep 0.3");

        Assert.True(result.Succeeded);
        Assert.InRange(result.PeakMemoryBytes ?? 0, 64 * 1024, 1L << 30);
        Assert.NotNull(result.CpuTime);
    }

    [Fact]
    public void Peak_memory_is_read_from_the_VmHWM_line()
    {
        Assert.Equal(5_432L * 1024, ProcStatus.PeakResidentBytes("Name:\tffmpeg\nVmPeak:\t  9000 kB\nVmHWM:\t5432 kB\nVmRSS:\t 5000 kB\n"));
        Assert.Null(ProcStatus.PeakResidentBytes("Name:\tffmpeg\n"));
        Assert.Null(ProcStatus.PeakResidentBytes(null));
    }

    [Fact]
    public async Task A_megabyte_on_each_stream_is_drained_without_deadlock()
    {
        // stderr first: a runner that read stdout to its end before stderr would block on the full stderr pipe.
        var script = "head -c 1048576 /dev/zero | tr '\\0' e >&2; head -c 1048576 /dev/zero | tr '\\0' o";
        var result = await RunShellAsync(script, r => r with { Timeout = TimeSpan.FromSeconds(60) });

        Assert.Equal(ProcessEnd.Exited, result.End);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1_048_576, result.Stdout.Length);
        Assert.Equal(1_048_576, result.Stderr.Length);
        Assert.True(result.Stdout.All(c => c == 'o'));
        Assert.True(result.Stderr.All(c => c == 'e'));
    }

    [Fact]
    public async Task Stderr_past_the_limit_keeps_its_head_and_tail()
    {
        var script = "echo FIRST >&2; head -c 3145728 /dev/zero | tr '\\0' x >&2; echo LAST >&2";
        var result = await RunShellAsync(script, r => r with { Timeout = TimeSpan.FromSeconds(60) });

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("FIRST\n", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("xLAST\n", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("characters omitted", result.Stderr, StringComparison.Ordinal);
        Assert.InRange(result.Stderr.Length, ProcessRunner.StderrLimitChars, ProcessRunner.StderrLimitChars + 100);
    }

    [Fact]
    public async Task Timeout_ends_a_sleeping_child_and_leaves_no_process()
    {
        var result = await RunShellAsync(
            "sleep 30 & echo $!; wait",
            r => r with { Timeout = TimeSpan.FromMilliseconds(300), GracefulStopWait = TimeSpan.FromMilliseconds(200) });

        Assert.Equal(ProcessEnd.TimedOut, result.End);
        Assert.True(result.Elapsed < KillBound, $"took {result.Elapsed}");
        Assert.False(IsAlive(ParsePid(result.Stdout)), "the grandchild 'sleep 30' outlived the run");
    }

    [Fact]
    public async Task Cancellation_ends_the_child_and_returns_cancelled()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var request = new ProcessRequest("/bin/sh", ["-c", "sleep 30 & echo $!; wait"])
        {
            GracefulStopWait = TimeSpan.FromMilliseconds(200),
        };

        var result = await runner.RunAsync(request, progress: null, cancel.Token);

        Assert.Equal(ProcessEnd.Cancelled, result.End);
        Assert.True(result.Elapsed < KillBound, $"took {result.Elapsed}");
        Assert.False(IsAlive(ParsePid(result.Stdout)), "the grandchild 'sleep 30' outlived the run");
    }

    [Fact]
    public async Task A_token_cancelled_before_the_start_runs_nothing()
    {
        var request = new ProcessRequest("/bin/sh", ["-c", "exit 0"]);

        var result = await runner.RunAsync(request, progress: null, new CancellationToken(canceled: true));

        Assert.Equal(ProcessEnd.Cancelled, result.End);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Silence_past_the_stall_limit_ends_the_run_as_stalled()
    {
        var result = await RunShellAsync(
            "echo tick; sleep 30",
            r => r with { StallTimeout = TimeSpan.FromMilliseconds(500), GracefulStopWait = TimeSpan.FromMilliseconds(100) });

        Assert.Equal(ProcessEnd.Stalled, result.End);
        Assert.Equal("tick\n", result.Stdout);
        Assert.True(result.Elapsed < KillBound, $"took {result.Elapsed}");
    }

    [Fact]
    public async Task Steady_output_keeps_a_run_longer_than_the_stall_limit_alive()
    {
        var result = await RunShellAsync(
            "for i in 1 2 3 4 5 6; do echo $i >&2; sleep 0.2; done",
            r => r with { StallTimeout = TimeSpan.FromSeconds(3) });

        Assert.Equal(ProcessEnd.Exited, result.End);
        Assert.Equal("1\n2\n3\n4\n5\n6\n", result.Stderr);
    }

    [Fact]
    public async Task A_missing_executable_fails_to_start_without_throwing()
    {
        var request = new ProcessRequest("/nonexistent/spool-no-such-ffmpeg", ["-version"]);

        var result = await runner.RunAsync(request, progress: null, CancellationToken.None);

        Assert.Equal(ProcessEnd.FailedToStart, result.End);
        Assert.Contains("/nonexistent/spool-no-such-ffmpeg", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("/nonexistent/spool-no-such-ffmpeg -version", result.CommandLine);
    }

    [Fact]
    public async Task Arguments_reach_the_child_exactly_as_given()
    {
        string[] tokens = ["with space", "it's", "\"double\"", "-leading-dash", "", "$HOME", "a;b|c&d", "*", "ünïcödé", "back\\slash"];
        var request = new ProcessRequest("/bin/sh", ["-c", "for a in \"$@\"; do printf '<%s>\\n' \"$a\"; done", "sh", .. tokens]);

        var result = await runner.RunAsync(request, progress: null, CancellationToken.None);

        var expected = string.Concat(tokens.Select(t => $"<{t}>\n"));
        Assert.Equal(expected, result.Stdout);
        Assert.Equal(
            "/bin/sh -c 'for a in \"$@\"; do printf '\\''<%s>\\n'\\'' \"$a\"; done' sh 'with space' 'it'\\''s' '\"double\"' "
            + "-leading-dash '' '$HOME' 'a;b|c&d' '*' 'ünïcödé' 'back\\slash'",
            result.CommandLine);
    }

    [Fact]
    public async Task Real_ffmpeg_reports_progress_blocks_ending_with_IsEnd()
    {
        var progress = new CollectingProgress();
        var request = new ProcessRequest(
            "ffmpeg",
            ["-hide_banner", "-f", "lavfi", "-i", "testsrc2=d=2", "-f", "null", "-", "-progress", "pipe:1", "-nostats"])
        {
            ParsesProgress = true,
            Timeout = TimeSpan.FromSeconds(60),
        };

        var result = await runner.RunAsync(request, progress, CancellationToken.None);

        Assert.True(result.Succeeded, result.Stderr);
        var reports = progress.Reports;
        Assert.NotEmpty(reports);
        Assert.Single(reports, r => r.IsEnd);
        Assert.True(reports[^1].IsEnd);
        Assert.Equal(50, reports[^1].Frame);
        Assert.Equal(TimeSpan.FromSeconds(2), reports[^1].OutTime);
        Assert.Contains("progress=end", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Q_stops_a_long_real_ffmpeg_encode_gracefully()
    {
        var request = new ProcessRequest(
            "ffmpeg",
            ["-hide_banner", "-re", "-f", "lavfi", "-i", "testsrc2=d=600", "-f", "null", "-", "-progress", "pipe:1", "-nostats"])
        {
            ParsesProgress = true,
            Timeout = TimeSpan.FromSeconds(1.5),
            GracefulStopWait = TimeSpan.FromSeconds(10),
        };

        var result = await runner.RunAsync(request, progress: null, CancellationToken.None);

        Assert.Equal(ProcessEnd.TimedOut, result.End);
        Assert.Contains("[q] command received", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, result.ExitCode);
        Assert.True(result.Elapsed < KillBound, $"took {result.Elapsed}");
    }

    private Task<ProcessResult> RunShellAsync(string script, Func<ProcessRequest, ProcessRequest>? configure = null)
    {
        var request = new ProcessRequest("/bin/sh", ["-c", script]) { Timeout = TimeSpan.FromSeconds(30) };
        return runner.RunAsync(configure?.Invoke(request) ?? request, progress: null, CancellationToken.None);
    }

    private static int ParsePid(string stdout) => int.Parse(stdout.Trim(), CultureInfo.InvariantCulture);

    // Gone, or a zombie waiting for a reaper that is not ours: either way it runs no more.
    private static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        var text = File.ReadAllText(stat);
        var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
        return state != "Z";
    }

    private sealed class CollectingProgress : IProgress<FfmpegProgress>
    {
        private readonly Lock gate = new();
        private readonly List<FfmpegProgress> reports = [];

        public IReadOnlyList<FfmpegProgress> Reports
        {
            get
            {
                lock (gate)
                {
                    return [.. reports];
                }
            }
        }

        public void Report(FfmpegProgress value)
        {
            lock (gate)
            {
                reports.Add(value);
            }
        }
    }
}
