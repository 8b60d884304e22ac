using Spool.Core.Reporting;
using Spool.Core.Storage;

namespace Spool.Core.Queue;

/// <summary>What resume and cancel do to a stored batch, one meaning for the CLI and the dashboard.</summary>
public static class BatchControl
{
    /// <summary>
    /// Requeues cancelled jobs (or, given <paramref name="only"/>, those of them and failed ones), never succeeded ones.
    /// Quarantine stops an unattended worker from dying on the same job forever; it cannot tell a job that kills its
    /// worker from a user's kill -9 or a power cut. Asking to resume gives such jobs a fresh crash streak, so resume
    /// finishes a batch killed at any moment; a real poison job is quarantined again after 3 deaths. The leases of
    /// the process that died are rescued first: that rescue is what may quarantine a job. Returns how many were requeued.
    /// </summary>
    public static async Task<int> ResumeAsync(IJobStore store, string batchId, IReadOnlyCollection<long>? only, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        JobState[] from = only is null ? [JobState.Cancelled] : [JobState.Cancelled, JobState.Failed];
        var requeued = await store.RequeueAsync(batchId, from, null, only, cancellationToken);
        await store.RescueDeadHoldersAsync(Environment.MachineName, ProcessIdentity.IsAlive, cancellationToken);
        var failed = await store.GetJobsPageAsync(batchId, JobState.Failed, 0, int.MaxValue, cancellationToken);
        var quarantined = failed.Where(job => job.Crashes >= StoreRules.QuarantineAfterCrashes).Select(job => job.Id).ToList();
        if (quarantined.Count > 0)
        {
            requeued += await store.RequeueAsync(batchId, [JobState.Failed], null, quarantined, cancellationToken);
        }

        return requeued;
    }

    /// <summary>
    /// Cancels queued jobs and tells running ones to stop (within a heartbeat); a batch left with nothing running is
    /// closed and its summary written. Returns how many jobs were cancelled or told to stop.
    /// </summary>
    public static async Task<int> CancelAsync(IJobStore store, string batchId, TimeProvider clock, ReportThumbnails? thumbnails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var affected = await store.CancelBatchAsync(batchId, cancellationToken);
        if (await store.TryFinishBatchAsync(batchId, CancellationToken.None))
        {
            await StoredBatches.WriteSummaryAsync(store, batchId, clock, thumbnails, CancellationToken.None);
        }

        return affected;
    }
}
