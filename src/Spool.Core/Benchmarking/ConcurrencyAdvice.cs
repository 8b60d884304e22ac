namespace Spool.Core.Benchmarking;

/// <summary>
/// How many work items run at once when the user names no number (<c>--max-concurrent auto</c>, the default): what
/// <c>spool bench</c> measured on this machine, or else <see cref="Rule"/>. Each job then gets the cores shared out
/// (<see cref="Operations.BatchSettings.ThreadsPerJob"/>).
/// </summary>
public sealed record ConcurrencyAdvice(int Concurrency, string Reason)
{
    /// <summary>
    /// Without a measurement: one job a core up to 4 cores, then one job per two cores. x264 and ffmpeg's filters gain
    /// less from each further thread than a further job gains (frame threading adds latency and memory, and the
    /// decode, the filters and the muxer are partly serial), but past 4 jobs each job's memory and the disk's seeks
    /// weigh more; two threads a job keeps the tail of a batch from idling half the cores.
    /// </summary>
    public static ConcurrencyAdvice Rule(int cores)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cores, 1);
        var concurrency = cores <= 4 ? cores : (cores + 1) / 2;
        return new(Math.Min(concurrency, Operations.BatchSettingsBuilder.MostConcurrency), $"rule for {cores} cores (no spool bench result)");
    }
}
