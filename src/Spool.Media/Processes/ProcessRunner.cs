using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Spool.Media.Commands;

namespace Spool.Media.Processes;

/// <summary>
/// Runs ffmpeg and ffprobe: arguments through <see cref="ProcessStartInfo.ArgumentList"/> (never a shell), stdout and
/// stderr read concurrently, "-progress pipe:1" parsed, time and stall limits and cancellation enforced. A run that
/// parses progress is stalled when its out_time stops advancing (ffmpeg can repeat the same block, or fill stderr
/// with decode errors, for ever); any other run when neither stream produces a byte. Stopping
/// writes "q" (ffmpeg then finishes the file it is writing), waits, then kills the whole process tree; the run always
/// waits for the exit, so no child outlives <see cref="RunAsync"/>. Expected outcomes come back as a result, never
/// as an exception.
/// </summary>
public sealed class ProcessRunner : IProcessRunner
{
    /// <summary>Stderr kept per run (first and last halves). ffmpeg's log is small unless something loops.</summary>
    public const int StderrLimitChars = 2 * 1024 * 1024;

    /// <summary>Stdout kept per run: effectively all of it (ffprobe JSON, progress), bounded only against runaways.</summary>
    public const int StdoutLimitChars = 64 * 1024 * 1024;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    // After the exit, a grandchild that escaped the tree kill could hold a pipe open; do not wait on it for ever.
    private static readonly TimeSpan DrainWait = TimeSpan.FromSeconds(5);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly TimeProvider clock;

    public ProcessRunner()
        : this(TimeProvider.System)
    {
    }

    public ProcessRunner(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        this.clock = clock;
    }

    public async Task<ProcessResult> RunAsync(
        ProcessRequest request, IProgress<FfmpegProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.FileName);
        var commandLine = CommandLineFormatter.Format(request.FileName, request.Arguments);
        var started = clock.GetTimestamp();
        if (cancellationToken.IsCancellationRequested)
        {
            return new ProcessResult(ProcessEnd.Cancelled, -1, "", "", commandLine, TimeSpan.Zero);
        }

        using var process = new Process { StartInfo = CreateStartInfo(request) };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            var message = $"Cannot start '{request.FileName}': {e.Message}";
            return new ProcessResult(ProcessEnd.FailedToStart, -1, "", message, commandLine, clock.GetElapsedTime(started));
        }

        var exit = process.WaitForExitAsync(CancellationToken.None);
        var activity = new ActivityClock(clock);
        var advance = new ActivityClock(clock);
        var stdout = new BoundedText(StdoutLimitChars);
        var stderr = new BoundedText(StderrLimitChars);
        var parser = request.ParsesProgress ? new OutTimeWatch(new FfmpegProgressParser(), advance, progress) : null;
        var stdoutPump = PumpAsync(process.StandardOutput, stdout, activity, parser);
        var stderrPump = PumpAsync(process.StandardError, stderr, activity, parser: null);
        var end = ProcessEnd.Exited;
        var cpu = new CpuSampler(process);
        try
        {
            end = await WatchAsync(request, exit, started, request.ParsesProgress ? advance : activity, cpu, cancellationToken);
            if (end != ProcessEnd.Exited)
            {
                await StopAsync(process, exit, request.GracefulStopWait);
            }

            await exit;
            await DrainAsync(stdoutPump, stderrPump);
            if (end == ProcessEnd.Exited && await SignalledExit.WasStoppedAsync(process.ExitCode, stderr.ToString(), clock, cancellationToken))
            {
                end = ProcessEnd.Cancelled;
            }
        }
        finally
        {
            // Only reached with the process alive when something above threw (a bug in a progress handler, say).
            if (!exit.IsCompleted)
            {
                Kill(process);
                await exit;
            }
        }

        return new ProcessResult(
            end, process.ExitCode, stdout.ToString(), stderr.ToString(), commandLine, clock.GetElapsedTime(started))
        {
            CpuTime = cpu.Last,
            PeakMemoryBytes = cpu.PeakMemoryBytes,
        };
    }

    private static ProcessStartInfo CreateStartInfo(ProcessRequest request)
    {
        var info = new ProcessStartInfo(request.FileName)
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        foreach (var argument in request.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>Waits for the exit, the time limit, a stall or cancellation, whichever comes first.</summary>
    private async Task<ProcessEnd> WatchAsync(
        ProcessRequest request, Task exit, long started, ActivityClock watched, CpuSampler cpu, CancellationToken cancellationToken)
    {
        var stallSeen = false;
        while (true)
        {
            cpu.Sample();
            if (exit.IsCompleted)
            {
                return ProcessEnd.Exited;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return ProcessEnd.Cancelled;
            }

            if (request.Timeout is { } timeout && clock.GetElapsedTime(started) >= timeout)
            {
                return ProcessEnd.TimedOut;
            }

            // A stall must be seen on two polls in a row: on a loaded machine the pumps can be waiting for a thread
            // when the watch wakes, and the poll in between gives them their turn to read what the child wrote.
            if (request.StallTimeout is { } stall && watched.SinceLast() >= stall)
            {
                if (stallSeen)
                {
                    return ProcessEnd.Stalled;
                }

                stallSeen = true;
            }
            else
            {
                stallSeen = false;
            }

            // A cancelled delay completes WhenAny without throwing; the next pass sees the token.
            await Task.WhenAny(exit, Task.Delay(PollInterval, clock, cancellationToken));
        }
    }

    private async Task StopAsync(Process process, Task exit, TimeSpan gracefulWait)
    {
        try
        {
            await process.StandardInput.WriteAsync("q\n");
            await process.StandardInput.FlushAsync();
        }
        catch (IOException)
        {
            // The child closed its stdin (-nostdin, or it is exiting); the kill below still stops it.
        }
        catch (ObjectDisposedException)
        {
        }

        if (gracefulWait > TimeSpan.Zero)
        {
            await Task.WhenAny(exit, Task.Delay(gracefulWait, clock));
        }

        if (!exit.IsCompleted)
        {
            Kill(process);
        }

        await exit;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        catch (Win32Exception)
        {
        }
    }

    private async Task DrainAsync(Task stdoutPump, Task stderrPump)
    {
        try
        {
            await Task.WhenAll(stdoutPump, stderrPump).WaitAsync(DrainWait, clock);
        }
        catch (TimeoutException)
        {
            // Keep what was read; disposing the process closes the pipes and ends the pumps.
        }
    }

    private static async Task PumpAsync(StreamReader reader, BoundedText sink, ActivityClock activity, OutTimeWatch? parser)
    {
        var buffer = new char[16 * 1024];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer.AsMemory())) > 0)
            {
                activity.Touch();
                var chunk = buffer.AsSpan(0, read);
                sink.Append(chunk);
                parser?.Push(chunk);
            }
        }
        catch (IOException)
        {
            // The pipe broke because the process went away; what was read is kept.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>
    /// The process's CPU time, read on every poll: once .NET has seen the exit it refuses to read it (Linux), so the
    /// last reading before the exit is the best there is. Its peak resident memory (VmHWM, a high-water mark kept by
    /// the kernel) is read from /proc on every poll too: a short run may see only a few polls, and the first can come
    /// before ffmpeg has even replaced the forked child.
    /// </summary>
    private sealed class CpuSampler(Process process)
    {
        public TimeSpan? Last { get; private set; }

        public long? PeakMemoryBytes { get; private set; }

        public void Sample()
        {
            try
            {
                Last = process.TotalProcessorTime;
                PeakMemoryBytes = ProcStatus.PeakResidentBytes(File.ReadAllText($"/proc/{process.Id}/status")) ?? PeakMemoryBytes;
            }
            catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException or IOException or UnauthorizedAccessException)
            {
                // Exited (or /proc went away) between polls: keep the last reading.
            }
        }
    }

    /// <summary>Parses progress, passes it on, and touches its clock only when out_time moves forward (or the run ends).</summary>
    private sealed class OutTimeWatch(FfmpegProgressParser parser, ActivityClock advance, IProgress<FfmpegProgress>? progress)
    {
        private TimeSpan furthest = TimeSpan.Zero;

        public void Push(ReadOnlySpan<char> chunk)
        {
            foreach (var report in parser.Push(chunk))
            {
                if (report.OutTime > furthest || report.IsEnd)
                {
                    furthest = report.OutTime > furthest ? report.OutTime : furthest;
                    advance.Touch();
                }

                progress?.Report(report);
            }
        }
    }

    /// <summary>When something last happened: output on either stream, or (for progress runs) out_time moving.</summary>
    private sealed class ActivityClock(TimeProvider clock)
    {
        private long last = clock.GetTimestamp();

        public void Touch() => Interlocked.Exchange(ref last, clock.GetTimestamp());

        public TimeSpan SinceLast() => clock.GetElapsedTime(Interlocked.Read(ref last));
    }
}
