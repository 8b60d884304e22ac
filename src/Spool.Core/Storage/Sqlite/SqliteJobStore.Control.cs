using System.Text.Json;
using Dapper;
using Spool.Core.Queue;
using Spool.Media.Errors;

namespace Spool.Core.Storage.Sqlite;

/// <summary>
/// What users do to a batch (requeue, cancel, reprioritise) and closing it. A cancelled batch is marked cancelled at
/// once, so nothing more is claimed from it; its finished_at stays empty until its last leased job ends, and
/// finished_at being empty is what lets exactly one <see cref="TryFinishBatchAsync"/> caller close either kind.
/// </summary>
public sealed partial class SqliteJobStore
{
    /// <summary>
    /// Clears the previous result, the crash streak and any cancel request so a requeued job reads cleanly; its
    /// attempt history stays in attempts and its attempt count keeps growing.
    /// </summary>
    public async Task<int> RequeueAsync(
        string batchId, IReadOnlyCollection<JobState> from, int? extraAttempts, IReadOnlyCollection<long>? onlyJobIds, CancellationToken cancellationToken)
    {
        const string requeue =
            "UPDATE jobs SET state = 'queued', " + SqliteSql.ClearResult + ", " + SqliteSql.ClearHolder + ", " +
            "cancel_requested = 0, crashes = 0, " +
            "max_attempts = CASE WHEN @extraAttempts IS NULL THEN max_attempts ELSE attempts + @extraAttempts END " +
            "WHERE batch_id = @batchId AND state IN (SELECT value FROM json_each(@states)) " +
            "AND (@jobIds IS NULL OR id IN (SELECT value FROM json_each(@jobIds)))";
        const string reopen = "UPDATE batches SET lifecycle = 'active', finished_at = NULL WHERE id = @batchId";
        ArgumentNullException.ThrowIfNull(from);
        if (from.Any(state => state.IsLeased()))
        {
            throw new ArgumentException("Leased jobs belong to their worker: requeue only queued or finished states.", nameof(from));
        }

        if (extraAttempts is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(extraAttempts), extraAttempts, "Extra attempts cannot be negative.");
        }

        var states = JsonSerializer.Serialize(from.Select(state => state.ToWireName()).ToArray());
        var jobIds = onlyJobIds is null ? null : JsonSerializer.Serialize(onlyJobIds.ToArray());
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var moved = await connection.ExecuteAsync(new CommandDefinition(
            requeue, new { batchId, states, jobIds, extraAttempts }, transaction, cancellationToken: cancellationToken));
        if (moved > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(reopen, new { batchId }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return moved;
    }

    public async Task<int> CancelBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        const string cancelQueued =
            "UPDATE jobs SET state = 'cancelled', finished_at = " + SqliteSql.Now + ", " +
            "error_category = @category, error_message = @message, error_hint = @hint, fused = COALESCE(fused, 0) " +
            "WHERE batch_id = @batchId AND state = 'queued'";
        const string flagLeased =
            "UPDATE jobs SET cancel_requested = 1 WHERE batch_id = @batchId AND state IN " + SqliteSql.Leased + " AND cancel_requested = 0";
        const string markBatch = "UPDATE batches SET lifecycle = 'cancelled' WHERE id = @batchId AND lifecycle = 'active'";
        var parameters = new
        {
            batchId,
            category = StoreRules.CancelledByUser.Category.ToWireName(),
            message = StoreRules.CancelledByUser.Message,
            hint = StoreRules.CancelledByUser.Hint,
        };
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var cancelled = await connection.ExecuteAsync(new CommandDefinition(cancelQueued, parameters, transaction, cancellationToken: cancellationToken));
        var flagged = await connection.ExecuteAsync(new CommandDefinition(flagLeased, parameters, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(markBatch, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return cancelled + flagged;
    }

    public async Task<bool> SetPriorityAsync(string batchId, BatchPriority priority, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE batches SET priority = @priority WHERE id = @batchId";
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { batchId, priority = (int)priority }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// One compare-and-set: an active batch becomes completed, a cancelled one stays cancelled; either way
    /// finished_at is set, so only the first caller after the last job ends gets true.
    /// </summary>
    public async Task<bool> TryFinishBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        const string sql =
            "UPDATE batches SET lifecycle = CASE WHEN lifecycle = 'active' THEN 'completed' ELSE lifecycle END, " +
            "finished_at = " + SqliteSql.Now + " " +
            "WHERE id = @batchId AND finished_at IS NULL AND lifecycle IN ('active', 'cancelled') " +
            "AND NOT EXISTS (SELECT 1 FROM jobs WHERE batch_id = @batchId AND state IN " + SqliteSql.Unfinished + ")";
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { batchId }, cancellationToken: cancellationToken)) == 1;
    }
}
