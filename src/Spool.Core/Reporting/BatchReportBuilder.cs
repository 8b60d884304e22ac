using System.Globalization;
using Spool.Core.Operations;
using Spool.Media.Errors;

namespace Spool.Core.Reporting;

/// <summary>Pure: turns a batch result into the report records. Writing them is <see cref="BatchReportWriter"/>'s job.</summary>
public static class BatchReportBuilder
{
    /// <summary>Jobs listed as the slowest in processing_metrics.json and report.html.</summary>
    public const int SlowestJobCount = 5;

    public static BatchReport Report(BatchResult batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var summary = new BatchSummary(
            batch.TotalInputs,
            batch.Jobs.Count,
            batch.Count(JobStatus.Succeeded),
            batch.Count(JobStatus.Failed),
            batch.Count(JobStatus.Skipped),
            batch.Count(JobStatus.Cancelled),
            Math.Round(batch.WallSeconds, 3));
        return new BatchReport(batch.BatchId, summary, batch.Jobs.Select(Job).ToList());
    }

    public static ErrorLog Errors(BatchResult batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var failed = batch.Jobs.Where(job => job.Status == JobStatus.Failed && job.Error is not null).ToList();
        var groups = failed
            .GroupBy(job => job.Error!.Category)
            .OrderByDescending(group => group.Count())
            .ThenBy(group => group.Key)
            .Select(group =>
            {
                var inputs = group.Select(job => job.Input).Distinct(StringComparer.Ordinal).ToList();
                return new ErrorGroup(group.Key.ToWireName(), group.First().Error!.Hint, group.Count(), inputs) { Note = Note(inputs, batch.TotalInputs) };
            })
            .ToList();
        var entries = failed
            .Select(job => new ErrorEntry(job.Input, job.Preset, job.Error!.Category.ToWireName(), job.Error.Message, job.Error.Hint, job.StderrTail, job.LogPath))
            .ToList();
        return new ErrorLog(batch.BatchId, groups, entries);
    }

    public static ProcessingMetrics Metrics(BatchResult batch) => Metrics(batch, new ReportExtras());

    public static ProcessingMetrics Metrics(BatchResult batch, ReportExtras extras)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(extras);
        var wall = Math.Max(batch.WallSeconds, 0.001);
        var succeeded = batch.Jobs.Where(job => job.Status == JobStatus.Succeeded).ToList();
        var sourceSeconds = batch.Jobs.GroupBy(job => job.Input, StringComparer.Ordinal).Sum(group => group.First().SourceDurationSeconds ?? 0);
        var outputSeconds = succeeded.Sum(job => job.SourceDurationSeconds ?? 0);
        var inputBytes = succeeded.GroupBy(job => job.Input, StringComparer.Ordinal).Sum(group => group.First().InputBytes ?? 0);
        var outputBytes = succeeded.Sum(job => job.OutputBytes ?? 0);
        var timings = batch.Jobs
            .Select(job => new JobTiming(job.Input, job.Preset, Status(job.Status), Seconds(job), Cpu(extras, job), job.Fused)
            {
                PeakMemoryBytes = job.PeakMemoryBytes,
                Operations = job.Operations,
            })
            .ToList();
        var slowest = timings
            .Where(timing => timing.Seconds is not null)
            .OrderByDescending(timing => timing.Seconds)
            .ThenBy(timing => timing.Input, StringComparer.Ordinal)
            .ThenBy(timing => timing.Preset, StringComparer.Ordinal)
            .Take(SlowestJobCount)
            .ToList();
        var cpuTimes = timings.Where(timing => timing.CpuSeconds is not null).ToList();
        var peaks = ResourcePeaks.Of(batch.Jobs);
        return new ProcessingMetrics(
            batch.BatchId,
            Math.Round(wall, 3),
            cpuTimes.Count > 0 ? Math.Round(cpuTimes.Sum(timing => timing.CpuSeconds!.Value), 3) : null,
            Math.Round(sourceSeconds / 60, 3),
            Math.Round(outputSeconds / 60, 3),
            Math.Round(batch.TotalInputs / wall * 3600, 1),
            Math.Round(outputSeconds / 60 / wall * 3600, 1),
            outputSeconds > 0 ? Math.Round(outputSeconds / wall, 3) : null,
            (extras.PeakCpuPercent ?? peaks.CpuPercent) is { } cpu ? Math.Round(cpu, 1) : null,
            extras.PeakMemoryBytes ?? peaks.MemoryBytes,
            inputBytes,
            outputBytes,
            inputBytes > 0 ? Math.Round((double)outputBytes / inputBytes, 4) : null,
            inputBytes - outputBytes,
            timings,
            slowest);
    }

    // A chunk's file is temporary (removed once its output is joined): the report names no file for it, so every
    // output a report names is a file that stays; the joined output is on its output's own job.
    private static JobReport Job(JobResult job) => new(
        job.Input,
        job.Preset,
        Status(job.Status),
        job.Chunk is null ? job.Output : null,
        job.Attempts,
        Time(job.StartedAt),
        Time(job.FinishedAt),
        job.Error is { } error ? new ErrorReport(error.Category.ToWireName(), error.Message, error.Hint) : null,
        job.Qc)
    {
        Warnings = job.Warnings.Count == 0 ? null : job.Warnings,
        CopiedFrom = job.CopiedFrom,
        Chunk = job.Chunk,
        Method = job.Method,
        Reason = job.Reason,
    };

    private static double? Cpu(ReportExtras extras, JobResult job) =>
        extras.JobCpuSeconds.TryGetValue(new JobKey(job.Input, job.Preset), out var seconds) ? Math.Round(seconds, 3) : null;

    // A rule, not a guess: when several inputs fail the same way and all live in one folder (of a batch with more
    // inputs than that), the folder is the likelier cause (a bad copy, a camera card, a permission).
    private static string? Note(IReadOnlyList<string> inputs, int totalInputs)
    {
        if (inputs.Count < 2 || inputs.Count >= totalInputs)
        {
            return null;
        }

        var folders = inputs.Select(Path.GetDirectoryName).Distinct(StringComparer.Ordinal).ToList();
        return folders is [{ Length: > 0 } folder]
            ? $"All {inputs.Count} failures of this kind come from one folder, {folder}: check how that folder was copied or exported."
            : null;
    }

    private static double? Seconds(JobResult job) =>
        job.StartedAt is { } start && job.FinishedAt is { } end ? Math.Round((end - start).TotalSeconds, 3) : null;

    public static string Status(JobStatus status) => status switch
    {
        JobStatus.Succeeded => "succeeded",
        JobStatus.Failed => "failed",
        JobStatus.Skipped => "skipped",
        JobStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static string? Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
