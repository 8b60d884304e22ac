using System.Text.Json;
using Spool.Core.Operations;
using Spool.Core.Quality;
using Spool.Core.Reporting;

namespace Spool.Core.Queue;

/// <summary>Converts between the engine's results and the store's records, both ways.</summary>
public static class JobRecords
{
    public static JobResultRecord Empty { get; } = new(null, null, null, null, null, null, null, null, false);

    public static JobResultRecord ResultOf(JobResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new JobResultRecord(
            result.Output,
            result.Error,
            result.Qc is { } qc ? JsonSerializer.Serialize(qc, ReportJson.Options) : null,
            result.StderrTail,
            result.LogPath,
            result.InputBytes,
            result.OutputBytes,
            result.SourceDurationSeconds,
            result.Fused)
        {
            CpuSeconds = result.CpuSeconds,
            PeakMemoryBytes = result.PeakMemoryBytes,
            OperationsJson = result.Operations.Count == 0 ? null : JsonSerializer.Serialize(result.Operations, ReportJson.Options),
            WarningsJson = result.Warnings.Count == 0 ? null : JsonSerializer.Serialize(result.Warnings, ReportJson.Options),
            CopiedFrom = result.CopiedFrom,
            Method = result.Method,
            Reason = result.Reason,
        };
    }

    public static AttemptRecord AttemptOf(JobResult result, int number, DateTimeOffset started, DateTimeOffset finished)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new AttemptRecord(number, BatchReportBuilder.Status(result.Status), result.CommandLine, result.ExitCode, result.StderrTail, started, finished);
    }

    /// <summary>A stored job as the reports see it.</summary>
    public static JobResult ToJobResult(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var result = job.Result ?? Empty;
        return new JobResult(
            job.InputPath,
            job.Preset,
            StatusOf(job.State),
            result.Output,
            job.Attempts,
            job.StartedAt,
            job.State.IsTerminal() ? job.FinishedAt : null,
            job.State.IsTerminal() ? result.Error : null,
            result.QcJson is { } qc ? JsonSerializer.Deserialize<OutputCheck>(qc, ReportJson.Options) : null)
        {
            StderrTail = result.StderrTail,
            LogPath = result.LogPath,
            InputBytes = result.InputBytes,
            OutputBytes = result.OutputBytes,
            SourceDurationSeconds = result.SourceDurationSeconds,
            Fused = result.Fused,
            CopiedFrom = result.CopiedFrom,
            Chunk = job.Chunk,
            Method = result.Method,
            Reason = result.Reason,
            CpuSeconds = result.CpuSeconds,
            PeakMemoryBytes = result.PeakMemoryBytes,
            Operations = result.OperationsJson is { } operations
                ? JsonSerializer.Deserialize<List<OperationRecord>>(operations, ReportJson.Options) ?? []
                : [],
            Warnings = result.WarningsJson is { } warnings
                ? JsonSerializer.Deserialize<List<JobWarning>>(warnings, ReportJson.Options) ?? []
                : [],
        };
    }

    /// <summary>
    /// The report's four statuses (a skipped job is one whose output was already up to date). A job that never reached a terminal state (the batch was interrupted) is reported
    /// as cancelled: it did not run to an end, and resume will run it.
    /// </summary>
    private static JobStatus StatusOf(JobState state) => state switch
    {
        JobState.Succeeded => JobStatus.Succeeded,
        JobState.Failed => JobStatus.Failed,
        JobState.Skipped => JobStatus.Skipped,
        _ => JobStatus.Cancelled,
    };
}
