using Dapper;
using Microsoft.Data.Sqlite;
using Spool.Media.Probing;

namespace Spool.Core.Storage.Sqlite;

/// <summary>The probe taken at submit, one row per input of a batch: written with the batch, read once per work item.</summary>
public sealed partial class SqliteJobStore
{
    public async Task<ProbeCapture?> GetInputProbeAsync(string batchId, int inputIndex, CancellationToken cancellationToken)
    {
        const string sql =
            "SELECT input_bytes, input_mtime_ticks, probe_json, probe_stderr FROM input_probes WHERE batch_id = @batchId AND input_index = @inputIndex";
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await QueryAsync(connection, null, sql, new { batchId, inputIndex }, row => new ProbeCapture(
            SqliteRows.Int64(row, "input_bytes")!.Value,
            SqliteRows.Int64(row, "input_mtime_ticks")!.Value,
            SqliteRows.Text(row, "probe_json")!,
            SqliteRows.Text(row, "probe_stderr")!), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    private static async Task InsertProbesAsync(
        SqliteConnection connection, SqliteTransaction transaction, string batchId, IReadOnlyDictionary<int, ProbeCapture> probes, CancellationToken cancellationToken)
    {
        const string sql =
            "INSERT INTO input_probes (batch_id, input_index, input_bytes, input_mtime_ticks, probe_json, probe_stderr) " +
            "VALUES (@batchId, @inputIndex, @bytes, @ticks, @json, @stderr)";
        var rows = probes.Select(pair => new
        {
            batchId,
            inputIndex = pair.Key,
            bytes = pair.Value.Bytes,
            ticks = pair.Value.ModifiedTicks,
            json = pair.Value.Json,
            stderr = pair.Value.Stderr,
        });
        await connection.ExecuteAsync(new CommandDefinition(sql, rows, transaction, cancellationToken: cancellationToken));
    }
}
