namespace Spool.Core.Storage.Sqlite;

/// <summary>SQL fragments shared by the store's statements. Every value a caller supplies goes in as a parameter.</summary>
internal static class SqliteSql
{
    /// <summary>
    /// The database's clock in unix milliseconds. Evaluated inside each statement, so lease times never depend on a
    /// caller's clock (DESIGN.md "Leases and fencing"); SQLite fixes 'now' for the whole statement.
    /// </summary>
    public const string Now = "CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)";

    /// <summary>The states whose writes are fenced by the lease token.</summary>
    public const string Leased = "('running', 'retry_wait')";

    /// <summary>The states that keep a batch from finishing.</summary>
    public const string Unfinished = "('queued', 'running', 'retry_wait')";

    public const string BatchColumns =
        "id, priority, output_dir, options_json, total_inputs, lifecycle, created_at, finished_at";

    public const string JobColumns =
        "id, batch_id, input_index, input_path, output_name, preset, state, attempts, max_attempts, lease_token, " +
        "worker_id, host, pid, pid_start, lease_expires_at, cancel_requested, progress, fps, speed, started_at, " +
        "finished_at, output, error_category, error_message, error_hint, qc_json, stderr_tail, log_path, " +
        "input_bytes, output_bytes, source_duration, fused, crashes, cpu_seconds, peak_memory_bytes, operations_json, warnings_json, copied_from, " +
        "chunk_of, chunk_index, chunk_count, chunk_start, chunk_end, method, reason";

    /// <summary>Clears who holds a job and its live progress; the token stays, so it only ever grows.</summary>
    public const string ClearHolder =
        "worker_id = NULL, host = NULL, pid = NULL, pid_start = NULL, lease_expires_at = NULL, " +
        "progress = NULL, fps = NULL, speed = NULL";

    /// <summary>Clears what an earlier attempt left, so a requeued job reads cleanly (its attempts stay in attempts).</summary>
    public const string ClearResult =
        "output = NULL, error_category = NULL, error_message = NULL, error_hint = NULL, qc_json = NULL, " +
        "stderr_tail = NULL, log_path = NULL, input_bytes = NULL, output_bytes = NULL, source_duration = NULL, " +
        "fused = NULL, cpu_seconds = NULL, peak_memory_bytes = NULL, operations_json = NULL, warnings_json = NULL, copied_from = NULL, method = NULL, reason = NULL, progress = NULL, fps = NULL, speed = NULL, finished_at = NULL";

    /// <summary>Writes a <see cref="Spool.Core.Queue.JobResultRecord"/> from the parameters of <see cref="SqliteRows.WithResult"/>.</summary>
    public const string SetResult =
        "output = @output, error_category = @errorCategory, error_message = @errorMessage, error_hint = @errorHint, " +
        "qc_json = @qcJson, stderr_tail = @stderrTail, log_path = @logPath, input_bytes = @inputBytes, " +
        "output_bytes = @outputBytes, source_duration = @sourceDuration, fused = @fused, cpu_seconds = @cpuSeconds, " +
        "peak_memory_bytes = @peakMemory, operations_json = @operationsJson, warnings_json = @warningsJson, copied_from = @copiedFrom, method = @method, reason = @reason";

    public const string InsertAttempt =
        "INSERT INTO attempts (job_id, number, outcome, command_line, exit_code, stderr_tail, started_at, finished_at) " +
        "VALUES (@jobId, @number, @outcome, @commandLine, @exitCode, @stderrTail, @startedAt, @finishedAt)";
}
