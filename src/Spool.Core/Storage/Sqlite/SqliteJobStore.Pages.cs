using System.Text.Json;
using Spool.Core.Queue;

namespace Spool.Core.Storage.Sqlite;

/// <summary>
/// Reads for dashboards: pages, counts and what runs now. Each is one indexed query, so a store with tens of thousands
/// of jobs answers without reading them all.
/// </summary>
public sealed partial class SqliteJobStore
{
    public async Task<int> CountBatchesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await QueryAsync(connection, null, "SELECT COUNT(*) AS n FROM batches", null, row => SqliteRows.Int64(row, "n")!.Value, cancellationToken);
        return (int)rows[0];
    }

    public async Task<IReadOnlyList<BatchRecord>> ListBatchesAsync(int offset, int limit, CancellationToken cancellationToken)
    {
        const string sql = "SELECT " + SqliteSql.BatchColumns + " FROM batches ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset";
        await using var connection = await OpenAsync(cancellationToken);
        return await QueryAsync(connection, null, sql, Window(offset, limit), SqliteRows.ReadBatch, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, JobCounts>> CountJobsAsync(IReadOnlyCollection<string>? batchIds, CancellationToken cancellationToken)
    {
        const string select =
            "SELECT batch_id, state, COUNT(*) AS n, " +
            "SUM(CASE WHEN attempts > 0 OR started_at IS NOT NULL OR state IN ('succeeded', 'failed', 'cancelled', 'skipped') THEN 1 ELSE 0 END) AS started, " +
            "MIN(started_at) AS first_started FROM jobs ";
        const string group = " GROUP BY batch_id, state";

        // Two statements rather than "@ids IS NULL OR …", which would keep SQLite from using the batch index.
        var sql = batchIds is null ? select + group : select + "WHERE batch_id IN (SELECT value FROM json_each(@ids))" + group;
        var ids = batchIds is null ? null : JsonSerializer.Serialize(batchIds.ToArray());
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await QueryAsync(connection, null, sql, new { ids }, row => (
            Batch: SqliteRows.Text(row, "batch_id")!,
            State: JobStates.FromWireName(SqliteRows.Text(row, "state")!),
            Count: (int)SqliteRows.Int64(row, "n")!.Value,
            Started: (int)SqliteRows.Int64(row, "started")!.Value,
            FirstStarted: SqliteRows.Time(row, "first_started")), cancellationToken);
        return rows.GroupBy(row => row.Batch, StringComparer.Ordinal).ToDictionary(
            group => group.Key,
            group => new JobCounts(group.ToDictionary(row => row.State, row => row.Count), group.Sum(row => row.Started), group.Min(row => row.FirstStarted)),
            StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<JobRecord>> GetJobsPageAsync(string batchId, JobState? state, int offset, int limit, CancellationToken cancellationToken)
    {
        const string sql =
            "SELECT " + SqliteSql.JobColumns + " FROM jobs WHERE batch_id = @batchId AND (@state IS NULL OR state = @state) " +
            "ORDER BY input_index, id LIMIT @limit OFFSET @offset";
        var (safeOffset, safeLimit) = Clamp(offset, limit);
        await using var connection = await OpenAsync(cancellationToken);
        return await QueryAsync(connection, null, sql, new { batchId, state = state?.ToWireName(), offset = safeOffset, limit = safeLimit }, SqliteRows.ReadJob, cancellationToken);
    }

    public async Task<IReadOnlyList<JobRecord>> GetJobsByIdAsync(IReadOnlyCollection<long> jobIds, CancellationToken cancellationToken)
    {
        const string sql = "SELECT " + SqliteSql.JobColumns + " FROM jobs WHERE id IN (SELECT value FROM json_each(@ids)) ORDER BY id";
        ArgumentNullException.ThrowIfNull(jobIds);
        if (jobIds.Count == 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);
        return await QueryAsync(connection, null, sql, new { ids = JsonSerializer.Serialize(jobIds.ToArray()) }, SqliteRows.ReadJob, cancellationToken);
    }

    public async Task<IReadOnlyList<JobRecord>> GetLeasedJobsAsync(CancellationToken cancellationToken)
    {
        const string sql = "SELECT " + SqliteSql.JobColumns + " FROM jobs WHERE state IN " + SqliteSql.Leased + " ORDER BY batch_id, input_index, id";
        await using var connection = await OpenAsync(cancellationToken);
        return await QueryAsync(connection, null, sql, null, SqliteRows.ReadJob, cancellationToken);
    }

    public async Task<IReadOnlyList<FinishedJob>> ListFinishedJobsAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        const string sql =
            "SELECT state, started_at, finished_at, input_bytes, output_bytes FROM jobs " +
            "WHERE state IN ('succeeded', 'failed', 'cancelled', 'skipped') AND finished_at IS NOT NULL AND (@since IS NULL OR finished_at >= @since)";
        await using var connection = await OpenAsync(cancellationToken);
        return await QueryAsync(connection, null, sql, new { since = since?.ToUnixTimeMilliseconds() }, row => new FinishedJob(
            JobStates.FromWireName(SqliteRows.Text(row, "state")!),
            SqliteRows.Time(row, "started_at"),
            SqliteRows.Time(row, "finished_at")!.Value,
            SqliteRows.Int64(row, "input_bytes"),
            SqliteRows.Int64(row, "output_bytes")), cancellationToken);
    }

    private static object Window(int offset, int limit)
    {
        var (safeOffset, safeLimit) = Clamp(offset, limit);
        return new { offset = safeOffset, limit = safeLimit };
    }

    private static (int Offset, int Limit) Clamp(int offset, int limit) => (Math.Max(0, offset), Math.Max(0, limit));
}
