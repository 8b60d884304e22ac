using Dapper;
using Spool.Core.Queue;

namespace Spool.Core.Storage.Sqlite;

/// <summary>Claims and the fenced writes a worker makes about the jobs it holds.</summary>
public sealed partial class SqliteJobStore
{
    /// <summary>
    /// Priority first, then the longest expected work (highest sort key), then input order; only active batches, and
    /// only those whose own admission (their stored options, see <see cref="BatchAdmission"/>) lets one more work item
    /// start. The claim's transaction is IMMEDIATE, so two workers never both see the last free place of a batch.
    /// - max_concurrent: the batch's work items (inputs with a job running or waiting to retry) across all workers.
    /// - With something running on this worker (@running > 0): CPU and memory use under the batch's thresholds, and the
    ///   estimated memory of this worker's items plus one within max_memory_gb (smart: this machine's memory if unset).
    /// A batch whose options are not JSON has no limits rather than stopping every claim.
    /// </summary>
    private const string PickNextSql =
        "WITH candidates AS MATERIALIZED (" +
        "SELECT b.id, b.priority, CASE WHEN json_valid(b.options_json) THEN b.options_json ELSE '{}' END AS o FROM batches b " +
        "WHERE b.lifecycle = 'active' AND (@batchId IS NULL OR b.id = @batchId)), " +
        "admitted AS MATERIALIZED (" +
        "SELECT c.id, c.priority FROM candidates c WHERE " +
        "(json_extract(c.o, '$.max_concurrent') IS NULL OR json_extract(c.o, '$.max_concurrent') > " +
        "(SELECT COUNT(DISTINCT r.input_index || '#' || COALESCE(r.chunk_index, 0)) FROM jobs r WHERE r.batch_id = c.id AND r.state IN " + SqliteSql.Leased + ")) " +
        "AND (@running = 0 OR (" +
        "(@cpu IS NULL OR json_extract(c.o, '$.cpu_threshold') IS NULL OR @cpu < json_extract(c.o, '$.cpu_threshold')) " +
        "AND (@memory IS NULL OR json_extract(c.o, '$.memory_threshold') IS NULL OR @memory < json_extract(c.o, '$.memory_threshold')) " +
        "AND (@running + 1) * @gbPerItem <= COALESCE(json_extract(c.o, '$.max_memory_gb'), " +
        "CASE WHEN json_extract(c.o, '$.parallel_strategy') = 'smart' THEN @totalGb END, 1e300)))) " +
        "SELECT j.batch_id, j.input_index, j.id, j.chunk_index FROM jobs j JOIN admitted b ON b.id = j.batch_id " +
        "WHERE j.state = 'queued' AND (j.chunk_index IS NOT NULL OR NOT EXISTS (SELECT 1 FROM jobs c WHERE c.batch_id = j.batch_id " +
        "AND c.input_index = j.input_index AND c.chunk_index IS NOT NULL AND c.state IN " + SqliteSql.Unfinished + ")) " +
        "ORDER BY b.priority, j.sort_key DESC, j.input_index, j.id LIMIT 1";

    /// <summary>
    /// Every queued job of the picked input but its chunks, together: one work item is one ffmpeg. A chunk is claimed
    /// alone (<see cref="ClaimChunkSql"/>), so the chunks of one input spread over every slot and machine; the input's
    /// other jobs wait (PickNextSql) until each of its chunks has ended, as an output's join needs all of its chunks. started_at is the start of the
    /// current attempt (an interrupted attempt's row takes its start from it).
    /// </summary>
    private const string ClaimSql =
        "UPDATE jobs SET state = 'running', lease_token = lease_token + 1, attempts = attempts + 1, " +
        "worker_id = @workerId, host = @host, pid = @pid, pid_start = @pidStart, " +
        "lease_expires_at = " + SqliteSql.Now + " + @leaseMs, started_at = " + SqliteSql.Now + ", " +
        "progress = NULL, fps = NULL, speed = NULL " +
        "WHERE batch_id = @batchId AND input_index = @inputIndex AND state = 'queued' AND chunk_index IS NULL " +
        "RETURNING id, preset, lease_token, attempts, max_attempts, started_at, input_path, output_name, " + ChunkColumns;

    private const string ClaimChunkSql =
        "UPDATE jobs SET state = 'running', lease_token = lease_token + 1, attempts = attempts + 1, " +
        "worker_id = @workerId, host = @host, pid = @pid, pid_start = @pidStart, " +
        "lease_expires_at = " + SqliteSql.Now + " + @leaseMs, started_at = " + SqliteSql.Now + ", " +
        "progress = NULL, fps = NULL, speed = NULL " +
        "WHERE id = @jobId AND state = 'queued' " +
        "RETURNING id, preset, lease_token, attempts, max_attempts, started_at, input_path, output_name, " + ChunkColumns;

    private const string ChunkColumns = "chunk_of, chunk_index, chunk_count, chunk_start, chunk_end";

    public async Task<WorkClaim?> ClaimNextAsync(LeaseHolder holder, TimeSpan lease, string? batchId, MachineLoad load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(load);
        var leaseMs = LeaseMilliseconds(lease);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var admission = new
        {
            batchId,
            running = load.RunningHere,
            cpu = load.CpuPercent,
            memory = load.MemoryPercent,
            totalGb = load.MemoryTotalGb,
            gbPerItem = BatchAdmission.EstimatedGbPerItem,
        };
        var picked = await QueryAsync(connection, transaction, PickNextSql, admission,
            row => (BatchId: SqliteRows.Text(row, "batch_id")!, InputIndex: (int)SqliteRows.Int64(row, "input_index")!.Value,
                JobId: SqliteRows.Int64(row, "id")!.Value, IsChunk: SqliteRows.Int64(row, "chunk_index") is not null),
            cancellationToken);
        if (picked.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return null;
        }

        var (pickedBatch, inputIndex, jobId, isChunk) = picked[0];
        var claimed = await QueryAsync(connection, transaction, isChunk ? ClaimChunkSql : ClaimSql, new
        {
            workerId = holder.WorkerId,
            host = holder.Host,
            pid = holder.ProcessId,
            pidStart = holder.ProcessStartTicks,
            leaseMs,
            batchId = pickedBatch,
            inputIndex,
            jobId,
        }, row => (
            Job: new ClaimedJob(
                SqliteRows.Int64(row, "id")!.Value,
                SqliteRows.Text(row, "preset")!,
                SqliteRows.Int64(row, "lease_token")!.Value,
                (int)SqliteRows.Int64(row, "attempts")!.Value,
                SqliteRows.Time(row, "started_at")!.Value)
            {
                MaxAttempts = (int)SqliteRows.Int64(row, "max_attempts")!.Value,
                Chunk = SqliteRows.ReadChunk(row),
            },
            InputPath: SqliteRows.Text(row, "input_path")!,
            OutputName: SqliteRows.Text(row, "output_name")!), cancellationToken);
        var batch = await GetBatchAsync(connection, transaction, pickedBatch, cancellationToken)
            ?? throw new InvalidOperationException($"Batch '{pickedBatch}' vanished during a claim.");
        await transaction.CommitAsync(cancellationToken);

        claimed.Sort((a, b) => a.Job.JobId.CompareTo(b.Job.JobId));
        return new WorkClaim(batch, inputIndex, claimed[0].InputPath, claimed[0].OutputName, [.. claimed.Select(c => c.Job)]);
    }

    public async Task<LeaseStatus> HeartbeatAsync(long jobId, long leaseToken, TimeSpan lease, JobProgressRecord? progress, CancellationToken cancellationToken)
    {
        const string sql =
            "UPDATE jobs SET lease_expires_at = " + SqliteSql.Now + " + @leaseMs, " +
            "progress = CASE WHEN @hasProgress = 1 THEN @percent ELSE progress END, " +
            "fps = CASE WHEN @hasProgress = 1 THEN @fps ELSE fps END, " +
            "speed = CASE WHEN @hasProgress = 1 THEN @speed ELSE speed END " +
            "WHERE id = @jobId AND state IN " + SqliteSql.Leased + " AND lease_token = @leaseToken " +
            "RETURNING cancel_requested";
        var leaseMs = LeaseMilliseconds(lease);
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await QueryAsync(connection, null, sql, new
        {
            jobId,
            leaseToken,
            leaseMs,
            hasProgress = progress is null ? 0 : 1,
            percent = progress?.Percent,
            fps = progress?.Fps,
            speed = progress?.Speed,
        }, row => SqliteRows.Int64(row, "cancel_requested") == 1, cancellationToken);
        return rows.Count == 0 ? LeaseStatus.Lost : rows[0] ? LeaseStatus.CancelRequested : LeaseStatus.Held;
    }

    public async Task<bool> BeginRetryWaitAsync(long jobId, long leaseToken, JobResultRecord result, AttemptRecord attempt, CancellationToken cancellationToken)
    {
        const string sql =
            "UPDATE jobs SET state = 'retry_wait', " + SqliteSql.SetResult + " " +
            "WHERE id = @jobId AND state = 'running' AND lease_token = @leaseToken";
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(attempt);
        var parameters = new DynamicParameters(new { jobId, leaseToken }).WithResult(result);
        return await FencedWriteAsync(sql, parameters, jobId, attempt, cancellationToken);
    }

    public async Task<bool> EndRetryWaitAsync(long jobId, long leaseToken, CancellationToken cancellationToken)
    {
        const string sql =
            "UPDATE jobs SET state = 'running', attempts = attempts + 1, started_at = " + SqliteSql.Now + " " +
            "WHERE id = @jobId AND state = 'retry_wait' AND lease_token = @leaseToken";
        return await FencedWriteAsync(sql, new DynamicParameters(new { jobId, leaseToken }), jobId, null, cancellationToken);
    }

    /// <summary>Also ends a pending cancel request and the crash streak: the job finished without killing its worker.</summary>
    public async Task<bool> CompleteAsync(long jobId, long leaseToken, JobCompletion completion, CancellationToken cancellationToken)
    {
        const string sql =
            "UPDATE jobs SET state = @state, " + SqliteSql.SetResult + ", " + SqliteSql.ClearHolder + ", " +
            "finished_at = " + SqliteSql.Now + ", crashes = 0, cancel_requested = 0 " +
            "WHERE id = @jobId AND state IN " + SqliteSql.Leased + " AND lease_token = @leaseToken";
        ArgumentNullException.ThrowIfNull(completion);
        if (!completion.State.IsTerminal())
        {
            throw new ArgumentException($"A completion must be terminal, not {completion.State.ToWireName()}.", nameof(completion));
        }

        var parameters = new DynamicParameters(new { jobId, leaseToken, state = completion.State.ToWireName() }).WithResult(completion.Result);
        return await FencedWriteAsync(sql, parameters, jobId, completion.Attempt, cancellationToken);
    }

    /// <summary>
    /// A running job goes back to queued with its attempt uncounted and recorded as interrupted; a job in retry_wait
    /// keeps its count (its failed attempt was real) and records nothing. A job the user asked to cancel is cancelled
    /// instead, so a stop never brings cancelled work back.
    /// </summary>
    public async Task<bool> ReleaseAsync(long jobId, long leaseToken, string reason, CancellationToken cancellationToken)
    {
        const string releaseRunning =
            "UPDATE jobs SET " + EndLeaseSet + ", attempts = attempts - 1 " +
            "WHERE id = @jobId AND state = 'running' AND lease_token = @leaseToken " + RescuedReturning;
        const string releaseWaiting =
            "UPDATE jobs SET " + EndLeaseSet + " WHERE id = @jobId AND state = 'retry_wait' AND lease_token = @leaseToken";
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var parameters = RescueParameters(new { jobId, leaseToken });
        var released = await QueryAsync(connection, transaction, releaseRunning, parameters, ReadRescued, cancellationToken);
        await RecordInterruptedAsync(connection, transaction, released, StoreRules.Interrupted(reason), cancellationToken);
        var moved = released.Count;
        if (moved == 0)
        {
            moved = await connection.ExecuteAsync(new CommandDefinition(releaseWaiting, parameters, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return moved > 0;
    }

    /// <summary>One fenced UPDATE, and the attempt row only when it matched, in one transaction.</summary>
    private async Task<bool> FencedWriteAsync(string sql, DynamicParameters parameters, long jobId, AttemptRecord? attempt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var matched = await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)) == 1;
        if (matched && attempt is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                SqliteSql.InsertAttempt, SqliteRows.AttemptParameters(jobId, attempt), transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return matched;
    }

    private static long LeaseMilliseconds(TimeSpan lease)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        return (long)Math.Ceiling(lease.TotalMilliseconds);
    }
}
