using Spool.Core.Queue;
using Spool.Core.Storage;
using Spool.Media.Errors;

namespace Spool.Core.Tests.Storage;

/// <summary>Taking leases back: expired leases, dead holders on this host, and quarantine after repeated crashes.</summary>
public abstract partial class JobStoreContract
{
    [Fact]
    public async Task Expired_lease_is_requeued_uncounted_with_a_crash_and_an_interrupted_attempt()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0, "web_optimized"), Job(0, "archival"), Job(1)), Ct);
        var claim = await ClaimAsync(store, WorkerA, ShortLease);
        await Task.Delay(PastShortLease, Ct);

        Assert.Equal(2, await store.RescueExpiredAsync(Ct));
        Assert.Equal(0, await store.RescueExpiredAsync(Ct));

        var jobs = await store.GetJobsAsync("b1", Ct);
        Assert.All(jobs.Take(2), job => Assert.Equal((JobState.Queued, 0, 1, 1L, (LeaseHolder?)null), (job.State, job.Attempts, job.Crashes, job.LeaseToken, job.Holder)));
        var attempt = Assert.Single(await store.GetAttemptsAsync(claim.Jobs[0].JobId, Ct));
        Assert.Equal((1, "interrupted: lease expired", claim.Jobs[0].StartedAt), (attempt.Number, attempt.Outcome, attempt.StartedAt));
        Assert.True(attempt.FinishedAt >= claim.Jobs[0].StartedAt + ShortLease);
        Assert.Equal((JobState.Queued, 0), (jobs[2].State, jobs[2].Crashes));
    }

    [Fact]
    public async Task Live_lease_is_not_rescued()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0)), Ct);
        var job = (await ClaimAsync(store, WorkerA, Lease)).Jobs[0];

        Assert.Equal(0, await store.RescueExpiredAsync(Ct));
        Assert.Equal(LeaseStatus.Held, await store.HeartbeatAsync(job.JobId, job.LeaseToken, Lease, null, Ct));
    }

    [Fact]
    public async Task Heartbeat_after_the_lease_was_rescued_is_lost()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0)), Ct);
        var job = (await ClaimAsync(store, WorkerA, ShortLease)).Jobs[0];
        await Task.Delay(PastShortLease, Ct);
        await store.RescueExpiredAsync(Ct);

        Assert.Equal(LeaseStatus.Lost, await store.HeartbeatAsync(job.JobId, job.LeaseToken, Lease, null, Ct));
    }

    [Fact]
    public async Task Third_crash_in_a_row_quarantines_the_job_as_worker_crashed_and_it_is_not_retried()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0)), Ct);
        var crashes = new List<(JobState, int, int)>();
        long jobId = 0;
        for (var crash = 0; crash < 3; crash++)
        {
            jobId = (await ClaimAsync(store, WorkerA, ShortLease)).Jobs[0].JobId;
            await Task.Delay(PastShortLease, Ct);
            Assert.Equal(1, await store.RescueExpiredAsync(Ct));
            var job = await JobAsync(store, "b1", jobId);
            crashes.Add((job.State, job.Attempts, job.Crashes));
        }

        Assert.Equal([(JobState.Queued, 0, 1), (JobState.Queued, 0, 2), (JobState.Failed, 1, 3)], crashes);
        var quarantined = await JobAsync(store, "b1", jobId);
        Assert.Equal(StoreRules.Quarantined, quarantined.Result?.Error);
        Assert.Equal("worker_crashed", quarantined.Result!.Error!.Category.ToWireName());
        Assert.False(quarantined.Result.Error.Category.IsTransient());
        Assert.NotNull(quarantined.FinishedAt);
        Assert.Equal([1, 1, 1], (await store.GetAttemptsAsync(jobId, Ct)).Select(attempt => attempt.Number));
        Assert.Null(await store.ClaimNextAsync(WorkerA, Lease, null, Ct));
        Assert.True(await store.TryFinishBatchAsync("b1", Ct));
    }

    [Fact]
    public async Task A_finished_attempt_resets_the_crash_count()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0)), Ct);
        for (var crash = 0; crash < 2; crash++)
        {
            await ClaimAsync(store, WorkerA, ShortLease);
            await Task.Delay(PastShortLease, Ct);
            await store.RescueExpiredAsync(Ct);
        }

        var job = (await ClaimAsync(store, WorkerA, Lease)).Jobs[0];
        Assert.Equal(2, (await JobAsync(store, "b1", job.JobId)).Crashes);
        Assert.True(await store.CompleteAsync(job.JobId, job.LeaseToken, Completion(JobState.Failed), Ct));

        var done = await JobAsync(store, "b1", job.JobId);
        Assert.Equal((JobState.Failed, 0, 1), (done.State, done.Crashes, done.Attempts));
    }

    [Fact]
    public async Task Dead_holders_on_the_host_are_rescued_and_live_or_remote_ones_kept()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0), Job(1), Job(2)), Ct);
        var dead = (await ClaimAsync(store, WorkerA, Lease)).Jobs[0];
        var alive = (await ClaimAsync(store, WorkerB, Lease)).Jobs[0];
        var remote = (await ClaimAsync(store, WorkerOnOtherHost, Lease)).Jobs[0];
        var asked = new List<LeaseHolder>();

        var moved = await store.RescueDeadHoldersAsync("host-a", holder =>
        {
            asked.Add(holder);
            return holder.ProcessId != WorkerA.ProcessId;
        }, Ct);

        Assert.Equal(1, moved);
        Assert.Equal([WorkerA, WorkerB], asked.OrderBy(holder => holder.WorkerId, StringComparer.Ordinal));
        var rescued = await JobAsync(store, "b1", dead.JobId);
        Assert.Equal((JobState.Queued, 0, 1, (LeaseHolder?)null), (rescued.State, rescued.Attempts, rescued.Crashes, rescued.Holder));
        Assert.Equal(["interrupted: worker process gone"], (await store.GetAttemptsAsync(dead.JobId, Ct)).Select(attempt => attempt.Outcome));
        Assert.Equal(LeaseStatus.Held, await store.HeartbeatAsync(alive.JobId, alive.LeaseToken, Lease, null, Ct));
        Assert.Equal(LeaseStatus.Held, await store.HeartbeatAsync(remote.JobId, remote.LeaseToken, Lease, null, Ct));
        Assert.Equal(LeaseStatus.Lost, await store.HeartbeatAsync(dead.JobId, dead.LeaseToken, Lease, null, Ct));
    }

    [Fact]
    public async Task Dead_holder_in_retry_wait_is_requeued_keeping_its_failed_attempt()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0)), Ct);
        var job = (await ClaimAsync(store, WorkerA, Lease)).Jobs[0];
        await store.BeginRetryWaitAsync(job.JobId, job.LeaseToken, FailedWith(ErrorCategory.Timeout), Attempt(1, "timeout"), Ct);

        Assert.Equal(1, await store.RescueDeadHoldersAsync("host-a", _ => false, Ct));

        var requeued = await JobAsync(store, "b1", job.JobId);
        Assert.Equal((JobState.Queued, 1, 0), (requeued.State, requeued.Attempts, requeued.Crashes));
        Assert.Equal(["timeout"], (await store.GetAttemptsAsync(job.JobId, Ct)).Select(attempt => attempt.Outcome));
        Assert.Equal(2, (await ClaimAsync(store, WorkerB, Lease)).Jobs[0].Attempt);
    }

    [Fact]
    public async Task Cancelled_job_whose_worker_died_ends_cancelled_rather_than_queued()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0)), Ct);
        var job = (await ClaimAsync(store, WorkerA, ShortLease)).Jobs[0];
        await store.CancelBatchAsync("b1", Ct);
        await Task.Delay(PastShortLease, Ct);

        Assert.Equal(1, await store.RescueExpiredAsync(Ct));

        var cancelled = await JobAsync(store, "b1", job.JobId);
        Assert.Equal((JobState.Cancelled, 0), (cancelled.State, cancelled.Attempts));
        Assert.Equal(StoreRules.CancelledByUser, cancelled.Result?.Error);
        Assert.True(await store.TryFinishBatchAsync("b1", Ct));
    }
}
