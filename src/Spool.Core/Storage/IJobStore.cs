using Spool.Core.Operations;
using Spool.Core.Queue;
using Spool.Media.Probing;

namespace Spool.Core.Storage;

/// <summary>
/// The store: the only state workers share, on one machine (SQLite) or many (PostgreSQL). Claims, leases and fenced
/// writes are store operations, never caller logic. Rules (DESIGN.md "Leases and fencing"):
/// - every claim increments the job's lease token; every write about a leased job matches id, a leased state and
///   that token, and returns false (or <see cref="LeaseStatus.Lost"/>) when it matches nothing: the job is no longer yours;
/// - lease times come from the database's clock, never the caller's;
/// - rescuing expired leases is one conditional UPDATE.
/// </summary>
public interface IJobStore : IAsyncDisposable
{
    /// <summary>Creates or upgrades the schema. Safe to call from every process at start-up.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores the batch and its jobs in one transaction under <see cref="NewBatch.Id"/> taken as a base: when another
    /// batch (from any process) already has that id, the next of <see cref="BatchIds.Candidates"/> that the
    /// insert does not conflict with. Returns the id stored.
    /// </summary>
    Task<string> CreateBatchAsync(NewBatch batch, CancellationToken cancellationToken);

    Task<bool> BatchExistsAsync(string batchId, CancellationToken cancellationToken);

    Task<BatchRecord?> GetBatchAsync(string batchId, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<BatchRecord>> ListBatchesAsync(CancellationToken cancellationToken);

    /// <summary>In input order, then preset order of creation.</summary>
    Task<IReadOnlyList<JobRecord>> GetJobsAsync(string batchId, CancellationToken cancellationToken);

    /// <summary>The jobs of one input of a batch (its encodes, steps and chunks), in <see cref="GetJobsAsync"/>'s order.</summary>
    Task<IReadOnlyList<JobRecord>> GetInputJobsAsync(string batchId, int inputIndex, CancellationToken cancellationToken);

    Task<IReadOnlyList<AttemptRecord>> GetAttemptsAsync(long jobId, CancellationToken cancellationToken);

    Task<int> CountBatchesAsync(CancellationToken cancellationToken);

    /// <summary>Newest first, skipping <paramref name="offset"/> batches and returning at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<BatchRecord>> ListBatchesAsync(int offset, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Job counts per batch, from one grouped query: of <paramref name="batchIds"/>, or of every batch when null. A batch
    /// without jobs (or unknown) is missing from the answer.
    /// </summary>
    Task<IReadOnlyDictionary<string, JobCounts>> CountJobsAsync(IReadOnlyCollection<string>? batchIds, CancellationToken cancellationToken);

    /// <summary>A page of a batch's jobs in <see cref="GetJobsAsync(string, CancellationToken)"/>'s order, optionally of one state only.</summary>
    Task<IReadOnlyList<JobRecord>> GetJobsPageAsync(string batchId, JobState? state, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>The jobs with these ids, in id order; unknown ids are skipped.</summary>
    Task<IReadOnlyList<JobRecord>> GetJobsByIdAsync(IReadOnlyCollection<long> jobIds, CancellationToken cancellationToken);

    /// <summary>Every running or retry_wait job of any batch, by batch then input order: what workers hold now.</summary>
    Task<IReadOnlyList<JobRecord>> GetLeasedJobsAsync(CancellationToken cancellationToken);

    /// <summary>Jobs in a terminal state with a finish time, finished at or after <paramref name="since"/> when given.</summary>
    Task<IReadOnlyList<FinishedJob>> ListFinishedJobsAsync(DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the best queued work item (batch priority, then highest sort key, then input order) of an active batch,
    /// or of <paramref name="batchId"/> only: every queued job of that input moves to running in one transaction, each
    /// with lease token + 1, attempts + 1, the holder, and an expiry of the database's now + <paramref name="lease"/>.
    /// A batch's own admission (<see cref="BatchAdmission"/>, stored in its options) holds in the same transaction, for
    /// all workers together: a batch with max_concurrent work items running (or waiting to retry) is skipped; and when
    /// <paramref name="load"/> says this worker already runs something, so is a batch whose CPU or memory threshold the
    /// load reaches, or whose memory cap one more item would pass. Null when nothing may be claimed.
    /// </summary>
    Task<WorkClaim?> ClaimNextAsync(LeaseHolder holder, TimeSpan lease, string? batchId, MachineLoad load, CancellationToken cancellationToken);

    /// <summary>The claim of a worker that runs nothing yet: no batch's thresholds stand in its way.</summary>
    Task<WorkClaim?> ClaimNextAsync(LeaseHolder holder, TimeSpan lease, string? batchId, CancellationToken cancellationToken) =>
        ClaimNextAsync(holder, lease, batchId, MachineLoad.Idle, cancellationToken);

    /// <summary>Extends the lease and records progress. Lost when the job is no longer leased with this token.</summary>
    Task<LeaseStatus> HeartbeatAsync(long jobId, long leaseToken, TimeSpan lease, JobProgressRecord? progress, CancellationToken cancellationToken);

    /// <summary>running → retry_wait, recording the failed attempt. False when the lease is gone.</summary>
    Task<bool> BeginRetryWaitAsync(long jobId, long leaseToken, JobResultRecord result, AttemptRecord attempt, CancellationToken cancellationToken);

    /// <summary>retry_wait → running for the next attempt (attempts + 1). False when the lease is gone.</summary>
    Task<bool> EndRetryWaitAsync(long jobId, long leaseToken, CancellationToken cancellationToken);

    /// <summary>Leased → a terminal state, with the result and the attempt; clears the lease. False when the lease is gone.</summary>
    Task<bool> CompleteAsync(long jobId, long leaseToken, JobCompletion completion, CancellationToken cancellationToken);

    /// <summary>
    /// Leased → queued without counting the attempt (attempts − 1), recording it as interrupted: for a clean stop
    /// (Ctrl+C, shutdown). False when the lease is gone.
    /// </summary>
    Task<bool> ReleaseAsync(long jobId, long leaseToken, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Returns every leased job whose lease expired (database clock) to queued in one conditional UPDATE, attempts − 1
    /// and crashes + 1, recording the attempt as interrupted; a job whose worker vanished three times in a row is
    /// failed instead (quarantined). Returns how many jobs it moved.
    /// </summary>
    Task<int> RescueExpiredAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Like <see cref="RescueExpiredAsync"/> for leases held on <paramref name="host"/> by processes that
    /// <paramref name="isAlive"/> says are gone, whatever their expiry: so resume after a crash never waits out a lease.
    /// Each move is conditional on the job's token being unchanged.
    /// </summary>
    Task<int> RescueDeadHoldersAsync(string host, Func<LeaseHolder, bool> isAlive, CancellationToken cancellationToken);

    /// <summary>
    /// Jobs of the batch in one of <paramref name="from"/> (never leased states) → queued; the batch becomes active
    /// again. <paramref name="extraAttempts"/>, when set, raises each moved job's max attempts to attempts + it.
    /// Optionally only the jobs in <paramref name="onlyJobIds"/>. Returns how many moved.
    /// </summary>
    Task<int> RequeueAsync(string batchId, IReadOnlyCollection<JobState> from, int? extraAttempts, IReadOnlyCollection<long>? onlyJobIds, CancellationToken cancellationToken);

    /// <summary>Queued jobs → cancelled; leased jobs get cancel_requested (their next heartbeat says so). Returns jobs affected.</summary>
    Task<int> CancelBatchAsync(string batchId, CancellationToken cancellationToken);

    Task<bool> SetPriorityAsync(string batchId, BatchPriority priority, CancellationToken cancellationToken);

    /// <summary>
    /// Active → completed when no job of the batch is queued, running or in retry_wait. True only for the one caller
    /// whose compare-and-set made the change: that caller writes the summary files.
    /// </summary>
    Task<bool> TryFinishBatchAsync(string batchId, CancellationToken cancellationToken);

    Task SaveCheckpointAsync(string batchId, string name, CancellationToken cancellationToken);

    Task<Checkpoint?> GetCheckpointAsync(string batchId, string name, CancellationToken cancellationToken);

    /// <summary>Records an output made and placed, replacing the record of the same input, preset and output path.</summary>
    Task RecordDoneOutputAsync(DoneOutput done, CancellationToken cancellationToken);

    /// <summary>The record of the output made for this input and preset at this path, or null when there is none.</summary>
    Task<DoneOutput?> FindDoneOutputAsync(string inputPath, string preset, string outputPath, CancellationToken cancellationToken);

    /// <summary>The probe stored with the batch for input <paramref name="inputIndex"/> (<see cref="NewBatch.Probes"/>), or null when there is none.</summary>
    Task<ProbeCapture?> GetInputProbeAsync(string batchId, int inputIndex, CancellationToken cancellationToken);

    /// <summary>The database's clock.</summary>
    Task<DateTimeOffset> NowAsync(CancellationToken cancellationToken);
}
