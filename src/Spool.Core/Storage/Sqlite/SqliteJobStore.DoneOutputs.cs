using Dapper;
using Spool.Core.Queue;

namespace Spool.Core.Storage.Sqlite;

/// <summary>The record of outputs made (<see cref="DoneOutput"/>): one upsert per success, one keyed read per job.</summary>
public sealed partial class SqliteJobStore
{
    public async Task RecordDoneOutputAsync(DoneOutput done, CancellationToken cancellationToken)
    {
        const string sql =
            "INSERT INTO done_outputs (input_path, preset, output_path, plan_hash, input_bytes, input_mtime_ticks, input_fingerprint, " +
            "output_bytes, output_mtime_ticks, recorded_at) VALUES (@inputPath, @preset, @outputPath, @planHash, @inputBytes, " +
            "@inputTicks, @fingerprint, @outputBytes, @outputTicks, " + SqliteSql.Now + ") " +
            "ON CONFLICT (input_path, preset, output_path) DO UPDATE SET plan_hash = excluded.plan_hash, " +
            "input_bytes = excluded.input_bytes, input_mtime_ticks = excluded.input_mtime_ticks, input_fingerprint = excluded.input_fingerprint, " +
            "output_bytes = excluded.output_bytes, output_mtime_ticks = excluded.output_mtime_ticks, recorded_at = excluded.recorded_at";
        ArgumentNullException.ThrowIfNull(done);
        if (done.Input.Fingerprint is null)
        {
            throw new ArgumentException("An input's stamp needs its fingerprint.", nameof(done));
        }

        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            inputPath = done.InputPath,
            preset = done.Preset,
            outputPath = done.OutputPath,
            planHash = done.PlanHash,
            inputBytes = done.Input.Bytes,
            inputTicks = done.Input.ModifiedTicks,
            fingerprint = done.Input.Fingerprint,
            outputBytes = done.Output.Bytes,
            outputTicks = done.Output.ModifiedTicks,
        }, cancellationToken: cancellationToken));
    }

    public async Task<DoneOutput?> FindDoneOutputAsync(string inputPath, string preset, string outputPath, CancellationToken cancellationToken)
    {
        const string sql =
            "SELECT input_path, preset, output_path, plan_hash, input_bytes, input_mtime_ticks, input_fingerprint, output_bytes, output_mtime_ticks " +
            "FROM done_outputs WHERE input_path = @inputPath AND preset = @preset AND output_path = @outputPath";
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await QueryAsync(connection, null, sql, new { inputPath, preset, outputPath }, row => new DoneOutput(
            SqliteRows.Text(row, "input_path")!,
            SqliteRows.Text(row, "preset")!,
            SqliteRows.Text(row, "output_path")!,
            SqliteRows.Text(row, "plan_hash")!,
            new FileStamp(SqliteRows.Int64(row, "input_bytes")!.Value, SqliteRows.Int64(row, "input_mtime_ticks")!.Value, SqliteRows.Text(row, "input_fingerprint")),
            new FileStamp(SqliteRows.Int64(row, "output_bytes")!.Value, SqliteRows.Int64(row, "output_mtime_ticks")!.Value, null)), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }
}
