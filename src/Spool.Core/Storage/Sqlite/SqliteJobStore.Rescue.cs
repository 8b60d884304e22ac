using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Spool.Core.Queue;
using Spool.Media.Errors;

namespace Spool.Core.Storage.Sqlite;

/// <summary>
/// Taking leases back from workers that are gone. A running job returns to queued without counting the attempt but
/// counting a crash; the crash that reaches <see cref="StoreRules.QuarantineAfterCrashes"/> fails it instead; a
/// job in retry_wait (no ffmpeg running) just returns to queued; a job the user asked to cancel ends cancelled.
/// </summary>
public sealed partial class SqliteJobStore
{
    /// <summary>Lease gone, attempts untouched: queued, or cancelled when the user asked for it.</summary>
    private const string EndLeaseSet =
        "state = CASE WHEN cancel_requested = 1 THEN 'cancelled' ELSE 'queued' END, " +
        "finished_at = CASE WHEN cancel_requested = 1 THEN " + SqliteSql.Now + " END, " +
        "error_category = CASE WHEN cancel_requested = 1 THEN @cancelledCategory ELSE error_category END, " +
        "error_message = CASE WHEN cancel_requested = 1 THEN @cancelledMessage ELSE error_message END, " +
        "error_hint = CASE WHEN cancel_requested = 1 THEN @cancelledHint ELSE error_hint END, " +
        "fused = CASE WHEN cancel_requested = 1 THEN COALESCE(fused, 0) ELSE fused END, " +
        SqliteSql.ClearHolder;

    /// <summary>The worker of a running job vanished. Every right-hand side reads the row's values before the update.</summary>
    private const string RescueRunningSet =
        "state = CASE WHEN cancel_requested = 1 THEN 'cancelled' WHEN crashes + 1 >= @quarantineAfter THEN 'failed' ELSE 'queued' END, " +
        "attempts = CASE WHEN cancel_requested = 0 AND crashes + 1 >= @quarantineAfter THEN attempts ELSE attempts - 1 END, " +
        "crashes = crashes + 1, " +
        "finished_at = CASE WHEN cancel_requested = 1 OR crashes + 1 >= @quarantineAfter THEN " + SqliteSql.Now + " END, " +
        "error_category = CASE WHEN cancel_requested = 1 THEN @cancelledCategory " +
        "WHEN crashes + 1 >= @quarantineAfter THEN @quarantineCategory ELSE error_category END, " +
        "error_message = CASE WHEN cancel_requested = 1 THEN @cancelledMessage " +
        "WHEN crashes + 1 >= @quarantineAfter THEN @quarantineMessage ELSE error_message END, " +
        "error_hint = CASE WHEN cancel_requested = 1 THEN @cancelledHint " +
        "WHEN crashes + 1 >= @quarantineAfter THEN @quarantineHint ELSE error_hint END, " +
        "fused = CASE WHEN cancel_requested = 1 OR crashes + 1 >= @quarantineAfter THEN COALESCE(fused, 0) ELSE fused END, " +
        SqliteSql.ClearHolder;

    /// <summary>What an interrupted attempt's row needs; now_ms is the same instant the UPDATE used.</summary>
    private const string RescuedReturning = "RETURNING id, state, attempts, started_at, " + SqliteSql.Now + " AS now_ms";

    public async Task<int> RescueExpiredAsync(CancellationToken cancellationToken)
    {
        const string rescueRunning =
            "UPDATE jobs SET " + RescueRunningSet + " WHERE state = 'running' AND lease_expires_at < " + SqliteSql.Now + " " + RescuedReturning;
        const string rescueWaiting =
            "UPDATE jobs SET " + EndLeaseSet + " WHERE state = 'retry_wait' AND lease_expires_at < " + SqliteSql.Now;
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var parameters = RescueParameters(null);
        var rescued = await QueryAsync(connection, transaction, rescueRunning, parameters, ReadRescued, cancellationToken);
        await RecordInterruptedAsync(connection, transaction, rescued, StoreRules.Interrupted(StoreRules.LeaseExpiredReason), cancellationToken);
        var waiting = await connection.ExecuteAsync(new CommandDefinition(rescueWaiting, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return rescued.Count + waiting;
    }

    public async Task<int> RescueDeadHoldersAsync(string host, Func<LeaseHolder, bool> isAlive, CancellationToken cancellationToken)
    {
        const string readHeld =
            "SELECT id, state, lease_token, worker_id, host, pid, pid_start FROM jobs " +
            "WHERE host = @host AND state IN " + SqliteSql.Leased + " AND worker_id IS NOT NULL";
        const string rescueRunning =
            "UPDATE jobs SET " + RescueRunningSet + " WHERE id = @jobId AND state = 'running' AND lease_token = @leaseToken " + RescuedReturning;
        const string rescueWaiting =
            "UPDATE jobs SET " + EndLeaseSet + " WHERE id = @jobId AND state = 'retry_wait' AND lease_token = @leaseToken";
        ArgumentNullException.ThrowIfNull(isAlive);
        await using var connection = await OpenAsync(cancellationToken);
        var held = await QueryAsync(connection, null, readHeld, new { host }, row => (
            JobId: SqliteRows.Int64(row, "id")!.Value,
            Running: SqliteRows.Text(row, "state") == JobState.Running.ToWireName(),
            LeaseToken: SqliteRows.Int64(row, "lease_token")!.Value,
            Holder: new LeaseHolder(
                SqliteRows.Text(row, "worker_id")!,
                SqliteRows.Text(row, "host")!,
                (int)SqliteRows.Int64(row, "pid")!.Value,
                SqliteRows.Int64(row, "pid_start")!.Value)), cancellationToken);

        // Asked once per holder, outside any transaction: the caller's check may look at the process table.
        var alive = new Dictionary<LeaseHolder, bool>();
        var dead = held.Where(job => !(alive.TryGetValue(job.Holder, out var known) ? known : alive[job.Holder] = isAlive(job.Holder))).ToList();
        if (dead.Count == 0)
        {
            return 0;
        }

        await using var transaction = connection.BeginTransaction(deferred: false);
        var moved = 0;
        foreach (var job in dead)
        {
            // Conditional on the token read above: a job claimed again meanwhile belongs to its new holder.
            var parameters = RescueParameters(new { jobId = job.JobId, leaseToken = job.LeaseToken });
            if (job.Running)
            {
                var rescued = await QueryAsync(connection, transaction, rescueRunning, parameters, ReadRescued, cancellationToken);
                await RecordInterruptedAsync(connection, transaction, rescued, StoreRules.Interrupted(StoreRules.HolderGoneReason), cancellationToken);
                moved += rescued.Count;
            }
            else
            {
                moved += await connection.ExecuteAsync(new CommandDefinition(rescueWaiting, parameters, transaction, cancellationToken: cancellationToken));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return moved;
    }

    private static DynamicParameters RescueParameters(object? jobParameters)
    {
        var parameters = new DynamicParameters(jobParameters);
        parameters.Add("quarantineAfter", StoreRules.QuarantineAfterCrashes);
        parameters.Add("quarantineCategory", StoreRules.Quarantined.Category.ToWireName());
        parameters.Add("quarantineMessage", StoreRules.Quarantined.Message);
        parameters.Add("quarantineHint", StoreRules.Quarantined.Hint);
        parameters.Add("cancelledCategory", StoreRules.CancelledByUser.Category.ToWireName());
        parameters.Add("cancelledMessage", StoreRules.CancelledByUser.Message);
        parameters.Add("cancelledHint", StoreRules.CancelledByUser.Hint);
        return parameters;
    }

    private static RescuedJob ReadRescued(DbDataReader row)
    {
        var now = SqliteRows.Time(row, "now_ms")!.Value;
        var state = JobStates.FromWireName(SqliteRows.Text(row, "state")!);
        var attempts = (int)SqliteRows.Int64(row, "attempts")!.Value;

        // A quarantined job keeps the attempt in its count; a requeued or cancelled one had it taken off.
        var number = state == JobState.Failed ? attempts : attempts + 1;
        return new RescuedJob(SqliteRows.Int64(row, "id")!.Value, number, SqliteRows.Time(row, "started_at") ?? now, now);
    }

    private static async Task RecordInterruptedAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<RescuedJob> jobs, string outcome, CancellationToken cancellationToken)
    {
        if (jobs.Count == 0)
        {
            return;
        }

        var rows = jobs.Select(job => SqliteRows.AttemptParameters(job.JobId, new AttemptRecord(job.Number, outcome, null, null, null, job.StartedAt, job.InterruptedAt)));
        await connection.ExecuteAsync(new CommandDefinition(SqliteSql.InsertAttempt, rows, transaction, cancellationToken: cancellationToken));
    }

    private sealed record RescuedJob(long JobId, int Number, DateTimeOffset StartedAt, DateTimeOffset InterruptedAt);
}
