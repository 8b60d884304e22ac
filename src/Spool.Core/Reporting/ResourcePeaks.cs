using Spool.Core.Operations;

namespace Spool.Core.Reporting;

/// <summary>
/// The batch's CPU and memory peaks, from what each job recorded: its ffmpeg's CPU seconds spread evenly over the
/// job's run (so a job's CPU rate is its average, in percent of one core) and its ffmpeg's peak resident memory.
/// The peak is the largest sum over the jobs running at the same moment: what the batch's encodes asked of the
/// machine at their busiest, whichever worker or machine ran them. Averaging within a job smooths out its short
/// bursts, so the CPU figure is a floor, not an instantaneous maximum.
/// </summary>
public static class ResourcePeaks
{
    public static (double? CpuPercent, long? MemoryBytes) Of(IReadOnlyList<JobResult> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var timed = jobs
            .Where(job => job.StartedAt is not null && job.FinishedAt is { } end && end > job.StartedAt)
            .Select(job => (Start: job.StartedAt!.Value, End: job.FinishedAt!.Value, Cpu: CpuPercent(job), Memory: job.PeakMemoryBytes))
            .ToList();
        var cpu = timed.Any(job => job.Cpu is not null) ? Peak(timed.Select(job => (job.Start, job.End, job.Cpu ?? 0))) : (double?)null;
        var memory = timed.Any(job => job.Memory is not null) ? (long)Peak(timed.Select(job => (job.Start, job.End, (double)(job.Memory ?? 0)))) : (long?)null;
        return (cpu, memory);
    }

    private static double? CpuPercent(JobResult job) =>
        job.CpuSeconds is { } seconds ? seconds / (job.FinishedAt!.Value - job.StartedAt!.Value).TotalSeconds * 100 : null;

    // A sweep over start and end events; at equal times ends come first, so back-to-back jobs never count together.
    private static double Peak(IEnumerable<(DateTimeOffset Start, DateTimeOffset End, double Amount)> spans)
    {
        var events = spans
            .SelectMany(span => new[] { (At: span.Start, Delta: span.Amount, IsEnd: false), (At: span.End, Delta: -span.Amount, IsEnd: true) })
            .OrderBy(e => e.At)
            .ThenByDescending(e => e.IsEnd);
        double current = 0, peak = 0;
        foreach (var e in events)
        {
            current += e.Delta;
            peak = Math.Max(peak, current);
        }

        return peak;
    }
}
