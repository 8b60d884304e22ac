namespace Spool.Media.Processes;

/// <summary>One program to run with its arguments as separate tokens (never a shell line).</summary>
public sealed record ProcessRequest(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>Whole-run limit; null for none.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// Ends the run as stalled when it makes no progress for this long; null for none. With <see cref="ParsesProgress"/>,
    /// progress is ffmpeg's out_time moving forward (bytes that repeat a position do not count); otherwise any output
    /// on stdout or stderr.
    /// </summary>
    public TimeSpan? StallTimeout { get; init; }

    /// <summary>Parse stdout as ffmpeg's "-progress pipe:1" key=value blocks.</summary>
    public bool ParsesProgress { get; init; }

    /// <summary>How long to wait after writing "q" before killing the process tree.</summary>
    public TimeSpan GracefulStopWait { get; init; } = TimeSpan.FromSeconds(5);
}
