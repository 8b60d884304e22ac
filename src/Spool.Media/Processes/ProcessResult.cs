namespace Spool.Media.Processes;

public enum ProcessEnd
{
    /// <summary>The process exited by itself; see the exit code.</summary>
    Exited,
    TimedOut,
    Stalled,
    Cancelled,
    FailedToStart,
}

/// <summary>What a run left behind: how it ended, its output, and the command line for the log.</summary>
public sealed record ProcessResult(
    ProcessEnd End,
    int ExitCode,
    string Stdout,
    string Stderr,
    string CommandLine,
    TimeSpan Elapsed)
{
    public bool Succeeded => End == ProcessEnd.Exited && ExitCode == 0;

    /// <summary>
    /// CPU time (user + system, all threads) the process used, as last sampled while it ran; null when never sampled.
    /// .NET cannot read it after the exit on Linux, so it may miss up to one poll interval (50 ms) at the end.
    /// </summary>
    public TimeSpan? CpuTime { get; init; }

    /// <summary>Peak resident memory of the process (VmHWM), as last sampled while it ran; null off Linux or when never sampled.</summary>
    public long? PeakMemoryBytes { get; init; }

    /// <summary>The last lines of stderr, for reports; the full text goes to the job's log.</summary>
    public string StderrTail(int lines = 15)
    {
        var all = Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }
}
