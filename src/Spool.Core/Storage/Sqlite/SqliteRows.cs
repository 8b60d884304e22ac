using System.Data.Common;
using Dapper;
using Spool.Core.Queue;
using Spool.Media.Errors;

namespace Spool.Core.Storage.Sqlite;

/// <summary>Maps rows to the queue records and records to parameters. Times are unix milliseconds UTC.</summary>
internal static class SqliteRows
{
    public static BatchRecord ReadBatch(DbDataReader row) => new(
        Id: Text(row, "id")!,
        Priority: (BatchPriority)Int64(row, "priority")!.Value,
        OutputDirectory: Text(row, "output_dir")!,
        OptionsJson: Text(row, "options_json")!,
        TotalInputs: (int)Int64(row, "total_inputs")!.Value,
        Lifecycle: LifecycleFromWireName(Text(row, "lifecycle")!),
        CreatedAt: Time(row, "created_at")!.Value,
        FinishedAt: Time(row, "finished_at"));

    public static JobRecord ReadJob(DbDataReader row)
    {
        var workerId = Text(row, "worker_id");
        var holder = workerId is null
            ? null
            : new LeaseHolder(workerId, Text(row, "host")!, (int)Int64(row, "pid")!.Value, Int64(row, "pid_start")!.Value);
        double? percent = Real(row, "progress"), fps = Real(row, "fps"), speed = Real(row, "speed");
        var progress = percent is null && fps is null && speed is null ? null : new JobProgressRecord(percent, fps, speed);
        return new JobRecord(
            Id: Int64(row, "id")!.Value,
            BatchId: Text(row, "batch_id")!,
            InputIndex: (int)Int64(row, "input_index")!.Value,
            InputPath: Text(row, "input_path")!,
            OutputName: Text(row, "output_name")!,
            Preset: Text(row, "preset")!,
            State: JobStates.FromWireName(Text(row, "state")!),
            Attempts: (int)Int64(row, "attempts")!.Value,
            MaxAttempts: (int)Int64(row, "max_attempts")!.Value,
            LeaseToken: Int64(row, "lease_token")!.Value,
            Holder: holder,
            LeaseExpiresAt: Time(row, "lease_expires_at"),
            CancelRequested: Int64(row, "cancel_requested") == 1,
            Progress: progress,
            StartedAt: Time(row, "started_at"),
            FinishedAt: Time(row, "finished_at"),
            Result: ReadResult(row),
            Crashes: (int)Int64(row, "crashes")!.Value)
        {
            Chunk = ReadChunk(row),
        };
    }

    /// <summary>The chunk columns of a job row (or a claim's RETURNING), null for a job that is not a chunk.</summary>
    public static JobChunk? ReadChunk(DbDataReader row) => Text(row, "chunk_of") is { } of
        ? new JobChunk(of, (int)Int64(row, "chunk_index")!.Value, (int)Int64(row, "chunk_count")!.Value, Real(row, "chunk_start")!.Value, Real(row, "chunk_end"))
        : null;

    public static AttemptRecord ReadAttempt(DbDataReader row) => new(
        Number: (int)Int64(row, "number")!.Value,
        Outcome: Text(row, "outcome")!,
        CommandLine: Text(row, "command_line"),
        ExitCode: (int?)Int64(row, "exit_code"),
        StderrTail: Text(row, "stderr_tail"),
        StartedAt: Time(row, "started_at")!.Value,
        FinishedAt: Time(row, "finished_at")!.Value);

    /// <summary>Adds the result columns' parameters used by <see cref="SqliteSql.SetResult"/>.</summary>
    public static DynamicParameters WithResult(this DynamicParameters parameters, JobResultRecord result)
    {
        parameters.Add("output", result.Output);
        parameters.Add("errorCategory", result.Error?.Category.ToWireName());
        parameters.Add("errorMessage", result.Error?.Message);
        parameters.Add("errorHint", result.Error?.Hint);
        parameters.Add("qcJson", result.QcJson);
        parameters.Add("stderrTail", result.StderrTail);
        parameters.Add("logPath", result.LogPath);
        parameters.Add("inputBytes", result.InputBytes);
        parameters.Add("outputBytes", result.OutputBytes);
        parameters.Add("sourceDuration", result.SourceDurationSeconds);
        parameters.Add("fused", result.Fused ? 1 : 0);
        parameters.Add("cpuSeconds", result.CpuSeconds);
        parameters.Add("peakMemory", result.PeakMemoryBytes);
        parameters.Add("operationsJson", result.OperationsJson);
        parameters.Add("warningsJson", result.WarningsJson);
        parameters.Add("copiedFrom", result.CopiedFrom);
        parameters.Add("method", result.Method);
        parameters.Add("reason", result.Reason);
        return parameters;
    }

    /// <summary>The parameters of <see cref="SqliteSql.InsertAttempt"/>.</summary>
    public static object AttemptParameters(long jobId, AttemptRecord attempt) => new
    {
        jobId,
        number = attempt.Number,
        outcome = attempt.Outcome,
        commandLine = attempt.CommandLine,
        exitCode = attempt.ExitCode,
        stderrTail = attempt.StderrTail,
        startedAt = attempt.StartedAt.ToUnixTimeMilliseconds(),
        finishedAt = attempt.FinishedAt.ToUnixTimeMilliseconds(),
    };

    public static string ToWireName(this BatchLifecycle lifecycle) => lifecycle switch
    {
        BatchLifecycle.Active => "active",
        BatchLifecycle.Completed => "completed",
        BatchLifecycle.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(lifecycle), lifecycle, null),
    };

    private static BatchLifecycle LifecycleFromWireName(string name) => name switch
    {
        "active" => BatchLifecycle.Active,
        "completed" => BatchLifecycle.Completed,
        "cancelled" => BatchLifecycle.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown batch lifecycle."),
    };

    /// <summary><c>fused</c> is written with every result, so NULL there marks a job that has no result yet.</summary>
    private static JobResultRecord? ReadResult(DbDataReader row)
    {
        var fused = Int64(row, "fused");
        if (fused is null)
        {
            return null;
        }

        var category = Text(row, "error_category");
        var error = category is null
            ? null
            : new MediaError(ErrorCategories.FromWireName(category), Text(row, "error_message") ?? "", Text(row, "error_hint") ?? "");
        return new JobResultRecord(
            Output: Text(row, "output"),
            Error: error,
            QcJson: Text(row, "qc_json"),
            StderrTail: Text(row, "stderr_tail"),
            LogPath: Text(row, "log_path"),
            InputBytes: Int64(row, "input_bytes"),
            OutputBytes: Int64(row, "output_bytes"),
            SourceDurationSeconds: Real(row, "source_duration"),
            Fused: fused == 1)
        {
            CpuSeconds = Real(row, "cpu_seconds"),
            PeakMemoryBytes = Int64(row, "peak_memory_bytes"),
            OperationsJson = Text(row, "operations_json"),
            WarningsJson = Text(row, "warnings_json"),
            CopiedFrom = Text(row, "copied_from"),
            Method = Text(row, "method"),
            Reason = Text(row, "reason"),
        };
    }

    public static DateTimeOffset? Time(DbDataReader row, string column) =>
        Int64(row, column) is { } milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;

    public static long? Int64(DbDataReader row, string column)
    {
        var ordinal = row.GetOrdinal(column);
        return row.IsDBNull(ordinal) ? null : row.GetInt64(ordinal);
    }

    public static string? Text(DbDataReader row, string column)
    {
        var ordinal = row.GetOrdinal(column);
        return row.IsDBNull(ordinal) ? null : row.GetString(ordinal);
    }

    private static double? Real(DbDataReader row, string column)
    {
        var ordinal = row.GetOrdinal(column);
        return row.IsDBNull(ordinal) ? null : row.GetDouble(ordinal);
    }
}
