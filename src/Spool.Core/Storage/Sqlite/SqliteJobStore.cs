using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Spool.Core.Operations;
using Spool.Core.Queue;

namespace Spool.Core.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, shared safely by many threads and many processes. Each operation
/// opens its own (pooled) connection; a write that reads before it writes runs in a BEGIN IMMEDIATE transaction, so
/// writers queue on the file lock (busy_timeout) instead of failing. Lease times come from SQLite's clock.
/// This file holds set-up, batches, reads and checkpoints; leases and batch control are in the other parts.
/// </summary>
public sealed partial class SqliteJobStore : IJobStore
{
    /// <summary>Set on every connection: SQLite keeps these per connection, not in the file.</summary>
    private const string ConnectionPragmas = "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

    private readonly string _connectionString;

    public SqliteJobStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string DatabasePath { get; }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await SqliteSchema.MigrateAsync(connection, cancellationToken);
    }

    public async Task<string> CreateBatchAsync(NewBatch batch, CancellationToken cancellationToken)
    {
        // Insert, and on a key conflict take the next candidate: no read-then-write for another process to slip into.
        const string insertBatch =
            "INSERT INTO batches (id, priority, output_dir, options_json, total_inputs, lifecycle, created_at) " +
            "VALUES (@id, @priority, @outputDir, @optionsJson, @totalInputs, 'active', " + SqliteSql.Now + ") ON CONFLICT (id) DO NOTHING";
        const string insertJob =
            "INSERT INTO jobs (batch_id, input_index, input_path, output_name, preset, sort_key, max_attempts, " +
            "chunk_of, chunk_index, chunk_count, chunk_start, chunk_end) " +
            "VALUES (@batchId, @inputIndex, @inputPath, @outputName, @preset, @sortKey, @maxAttempts, " +
            "@chunkOf, @chunkIndex, @chunkCount, @chunkStart, @chunkEnd)";
        ArgumentNullException.ThrowIfNull(batch);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var id = "";
        foreach (var candidate in BatchIds.Candidates(batch.Id))
        {
            var inserted = await connection.ExecuteAsync(new CommandDefinition(insertBatch, new
            {
                id = candidate,
                priority = (int)batch.Priority,
                outputDir = batch.OutputDirectory,
                optionsJson = batch.OptionsJson,
                totalInputs = batch.TotalInputs,
            }, transaction, cancellationToken: cancellationToken));
            if (inserted == 1)
            {
                id = candidate;
                break;
            }
        }

        var jobs = batch.Jobs.Select(job => new
        {
            batchId = id,
            inputIndex = job.InputIndex,
            inputPath = job.InputPath,
            outputName = job.OutputName,
            preset = job.Preset,
            sortKey = job.SortKey,
            maxAttempts = job.MaxAttempts,
            chunkOf = job.Chunk?.Of,
            chunkIndex = job.Chunk?.Index,
            chunkCount = job.Chunk?.Count,
            chunkStart = job.Chunk?.Start,
            chunkEnd = job.Chunk?.End,
        });
        await connection.ExecuteAsync(new CommandDefinition(insertJob, jobs, transaction, cancellationToken: cancellationToken));
        await InsertProbesAsync(connection, transaction, id, batch.Probes, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    public async Task<bool> BatchExistsAsync(string batchId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT EXISTS (SELECT 1 FROM batches WHERE id = @batchId)";
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { batchId }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<BatchRecord?> GetBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await GetBatchAsync(connection, null, batchId, cancellationToken);
    }

    public async Task<IReadOnlyList<BatchRecord>> ListBatchesAsync(CancellationToken cancellationToken)
    {
        const string sql = "SELECT " + SqliteSql.BatchColumns + " FROM batches ORDER BY created_at DESC, id DESC";
        await using var connection = await OpenAsync(cancellationToken);
        return await QueryAsync(connection, null, sql, null, SqliteRows.ReadBatch, cancellationToken);
    }

    public async Task<IReadOnlyList<JobRecord>> GetJobsAsync(string batchId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT " + SqliteSql.JobColumns + " FROM jobs WHERE batch_id = @batchId ORDER BY input_index, id";
        await using var connection = await OpenAsync(cancellationToken);
        return await QueryAsync(connection, null, sql, new { batchId }, SqliteRows.ReadJob, cancellationToken);
    }

    public async Task<IReadOnlyList<JobRecord>> GetInputJobsAsync(string batchId, int inputIndex, CancellationToken cancellationToken)
    {
        const string sql = "SELECT " + SqliteSql.JobColumns + " FROM jobs WHERE batch_id = @batchId AND input_index = @inputIndex ORDER BY id";
        await using var connection = await OpenAsync(cancellationToken);
        return await QueryAsync(connection, null, sql, new { batchId, inputIndex }, SqliteRows.ReadJob, cancellationToken);
    }

    public async Task<IReadOnlyList<AttemptRecord>> GetAttemptsAsync(long jobId, CancellationToken cancellationToken)
    {
        const string sql =
            "SELECT number, outcome, command_line, exit_code, stderr_tail, started_at, finished_at " +
            "FROM attempts WHERE job_id = @jobId ORDER BY number, id";
        await using var connection = await OpenAsync(cancellationToken);
        return await QueryAsync(connection, null, sql, new { jobId }, SqliteRows.ReadAttempt, cancellationToken);
    }

    /// <summary>Replaces a checkpoint of the same name. Throws <see cref="KeyNotFoundException"/> for an unknown batch.</summary>
    public async Task SaveCheckpointAsync(string batchId, string name, CancellationToken cancellationToken)
    {
        const string readStates = "SELECT id, state FROM jobs WHERE batch_id = @batchId ORDER BY id";
        const string upsert =
            "INSERT INTO checkpoints (batch_id, name, created_at, states_json) VALUES (@batchId, @name, " + SqliteSql.Now + ", @statesJson) " +
            "ON CONFLICT (batch_id, name) DO UPDATE SET created_at = excluded.created_at, states_json = excluded.states_json";
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        if (await GetBatchAsync(connection, transaction, batchId, cancellationToken) is null)
        {
            throw new KeyNotFoundException($"No batch '{batchId}' in the store.");
        }

        var states = await QueryAsync(connection, transaction, readStates, new { batchId },
            row => KeyValuePair.Create(SqliteRows.Int64(row, "id")!.Value.ToString(CultureInfo.InvariantCulture), SqliteRows.Text(row, "state")!),
            cancellationToken);
        var statesJson = JsonSerializer.Serialize(new Dictionary<string, string>(states));
        await connection.ExecuteAsync(new CommandDefinition(upsert, new { batchId, name, statesJson }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Checkpoint?> GetCheckpointAsync(string batchId, string name, CancellationToken cancellationToken)
    {
        const string sql = "SELECT created_at, states_json FROM checkpoints WHERE batch_id = @batchId AND name = @name";
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await QueryAsync(connection, null, sql, new { batchId, name },
            row => (CreatedAt: SqliteRows.Time(row, "created_at")!.Value, Json: SqliteRows.Text(row, "states_json")!),
            cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var states = JsonSerializer.Deserialize<Dictionary<string, string>>(rows[0].Json) ?? [];
        return new Checkpoint(batchId, name, rows[0].CreatedAt, states.ToDictionary(
            pair => long.Parse(pair.Key, NumberStyles.Integer, CultureInfo.InvariantCulture),
            pair => JobStates.FromWireName(pair.Value)));
    }

    public async Task<DateTimeOffset> NowAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var now = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT " + SqliteSql.Now, cancellationToken: cancellationToken));
        return DateTimeOffset.FromUnixTimeMilliseconds(now);
    }

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file (and its -wal/-shm) open; let them go with the store.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(ConnectionPragmas, cancellationToken: cancellationToken));
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<BatchRecord?> GetBatchAsync(SqliteConnection connection, SqliteTransaction? transaction, string batchId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT " + SqliteSql.BatchColumns + " FROM batches WHERE id = @batchId";
        var rows = await QueryAsync(connection, transaction, sql, new { batchId }, SqliteRows.ReadBatch, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    private static async Task<List<T>> QueryAsync<T>(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, object? parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
