using Dapper;
using Microsoft.Data.Sqlite;

namespace Spool.Core.Storage.Sqlite;

/// <summary>
/// The schema as an ordered list of migrations; version N is the N-th script. Each one runs in its own IMMEDIATE
/// transaction that first re-reads the version, so two processes starting at once apply every script exactly once.
/// Append new scripts; never edit a released one.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>Times are INTEGER unix milliseconds UTC, always taken from the database clock for lease decisions.</summary>
    private const string V1Initial = """
        CREATE TABLE batches (
            id            TEXT    NOT NULL PRIMARY KEY,
            priority      INTEGER NOT NULL,
            output_dir    TEXT    NOT NULL,
            options_json  TEXT    NOT NULL,
            total_inputs  INTEGER NOT NULL,
            lifecycle     TEXT    NOT NULL DEFAULT 'active',
            created_at    INTEGER NOT NULL,
            finished_at   INTEGER
        );
        CREATE INDEX ix_batches_created ON batches (created_at DESC, id DESC);

        CREATE TABLE jobs (
            id               INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
            batch_id         TEXT    NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
            input_index      INTEGER NOT NULL,
            input_path       TEXT    NOT NULL,
            output_name      TEXT    NOT NULL,
            preset           TEXT    NOT NULL,
            sort_key         REAL    NOT NULL DEFAULT 0,
            state            TEXT    NOT NULL DEFAULT 'queued',
            attempts         INTEGER NOT NULL DEFAULT 0,
            max_attempts     INTEGER NOT NULL,
            lease_token      INTEGER NOT NULL DEFAULT 0,
            worker_id        TEXT,
            host             TEXT,
            pid              INTEGER,
            pid_start        INTEGER,
            lease_expires_at INTEGER,
            cancel_requested INTEGER NOT NULL DEFAULT 0,
            progress         REAL,
            fps              REAL,
            speed            REAL,
            started_at       INTEGER,
            finished_at      INTEGER,
            output           TEXT,
            error_category   TEXT,
            error_message    TEXT,
            error_hint       TEXT,
            qc_json          TEXT,
            stderr_tail      TEXT,
            log_path         TEXT,
            input_bytes      INTEGER,
            output_bytes     INTEGER,
            source_duration  REAL,
            fused            INTEGER,
            crashes          INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX ix_jobs_claim ON jobs (state, batch_id, sort_key DESC, input_index, id);
        CREATE INDEX ix_jobs_batch ON jobs (batch_id, input_index, id);
        CREATE INDEX ix_jobs_lease ON jobs (state, lease_expires_at);

        CREATE TABLE attempts (
            id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
            job_id       INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
            number       INTEGER NOT NULL,
            outcome      TEXT    NOT NULL,
            command_line TEXT,
            exit_code    INTEGER,
            stderr_tail  TEXT,
            started_at   INTEGER NOT NULL,
            finished_at  INTEGER NOT NULL
        );
        CREATE INDEX ix_attempts_job ON attempts (job_id, number);

        CREATE TABLE checkpoints (
            batch_id    TEXT    NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
            name        TEXT    NOT NULL,
            created_at  INTEGER NOT NULL,
            states_json TEXT    NOT NULL,
            PRIMARY KEY (batch_id, name)
        );
        """;

    // Version 2: ffmpeg CPU time per job, for processing_metrics.json.
    private const string V2CpuSeconds = "ALTER TABLE jobs ADD COLUMN cpu_seconds REAL;";

    // Version 3: peak memory of each job's ffmpeg, and the media operations that ran with it (JSON).
    private const string V3PeaksAndOperations =
        "ALTER TABLE jobs ADD COLUMN peak_memory_bytes INTEGER; ALTER TABLE jobs ADD COLUMN operations_json TEXT;";

    // Version 4: warnings that did not fail a job (source_damaged with its times), as JSON.
    private const string V4Warnings = "ALTER TABLE jobs ADD COLUMN warnings_json TEXT;";

    // Version 5: for an output identical to another of its input, the preset whose output was copied to make it.
    private const string V5CopiedFrom = "ALTER TABLE jobs ADD COLUMN copied_from TEXT;";

    // Version 6: chunk jobs (issue 12): which output a chunk belongs to, its number of how many, and its span.
    private const string V6Chunks =
        "ALTER TABLE jobs ADD COLUMN chunk_of TEXT; ALTER TABLE jobs ADD COLUMN chunk_index INTEGER; " +
        "ALTER TABLE jobs ADD COLUMN chunk_count INTEGER; ALTER TABLE jobs ADD COLUMN chunk_start REAL; ALTER TABLE jobs ADD COLUMN chunk_end REAL;";

    // Version 7: how each output was made (encode, copy, copy_video), why a job was skipped ("up to date"), and the
    // outputs made so far, so that a later run of any batch skips what is already done.
    private const string V7UpToDate = """
        ALTER TABLE jobs ADD COLUMN method TEXT;
        ALTER TABLE jobs ADD COLUMN reason TEXT;
        CREATE TABLE done_outputs (
            input_path          TEXT    NOT NULL,
            preset              TEXT    NOT NULL,
            output_path         TEXT    NOT NULL,
            plan_hash           TEXT    NOT NULL,
            input_bytes         INTEGER NOT NULL,
            input_mtime_ticks   INTEGER NOT NULL,
            input_fingerprint   TEXT    NOT NULL,
            output_bytes        INTEGER NOT NULL,
            output_mtime_ticks  INTEGER NOT NULL,
            recorded_at         INTEGER NOT NULL,
            PRIMARY KEY (input_path, preset, output_path)
        );
        """;

    // Version 8: the probe taken at submit, per input of a batch, so that its jobs do not run ffprobe again (issue 12).
    private const string V8InputProbes = """
        CREATE TABLE input_probes (
            batch_id           TEXT    NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
            input_index        INTEGER NOT NULL,
            input_bytes        INTEGER NOT NULL,
            input_mtime_ticks  INTEGER NOT NULL,
            probe_json         TEXT    NOT NULL,
            probe_stderr       TEXT    NOT NULL,
            PRIMARY KEY (batch_id, input_index)
        );
        """;

    private static readonly string[] Migrations = [V1Initial, V2CpuSeconds, V3PeaksAndOperations, V4Warnings, V5CopiedFrom, V6Chunks, V7UpToDate, V8InputProbes];

    public static int LatestVersion => Migrations.Length;

    private const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at INTEGER NOT NULL)";

    private const string ReadVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_version";

    private const string RecordVersion =
        "INSERT INTO schema_version (version, applied_at) VALUES (@version, " + SqliteSql.Now + ")";

    /// <summary>Applies every missing migration; returns the version reached.</summary>
    public static async Task<int> MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // WAL is a property of the file, so setting it once here covers every later connection.
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode=WAL", cancellationToken: cancellationToken));
        while (true)
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            await connection.ExecuteAsync(new CommandDefinition(CreateVersionTable, transaction: transaction, cancellationToken: cancellationToken));
            var current = await connection.ExecuteScalarAsync<int>(new CommandDefinition(ReadVersion, transaction: transaction, cancellationToken: cancellationToken));
            if (current > Migrations.Length)
            {
                throw new InvalidOperationException(
                    $"The store's schema is version {current}, newer than this build of Spool knows ({Migrations.Length}); upgrade Spool.");
            }

            if (current == Migrations.Length)
            {
                await transaction.CommitAsync(cancellationToken);
                return current;
            }

            await connection.ExecuteAsync(new CommandDefinition(Migrations[current], transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(RecordVersion, new { version = current + 1 }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
