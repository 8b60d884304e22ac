using Spool.Core.Queue;
using Spool.Core.Storage;
using Spool.Media.Errors;

namespace Spool.Core.Tests.Storage;

/// <summary>Requeue, cancel and finishing a batch exactly once.</summary>
public abstract partial class JobStoreContract
{
    [Fact]
    public async Task Requeue_of_failed_jobs_with_extra_attempts_reopens_a_completed_batch()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0, maxAttempts: 1), Job(1, maxAttempts: 1)), Ct);
        var failed = (await ClaimAsync(store, WorkerA, Lease)).Jobs[0];
        var succeeded = (await ClaimAsync(store, WorkerA, Lease)).Jobs[0];
        await store.CompleteAsync(failed.JobId, failed.LeaseToken, Completion(JobState.Failed), Ct);
        await store.CompleteAsync(succeeded.JobId, succeeded.LeaseToken, Completion(JobState.Succeeded), Ct);
        Assert.True(await store.TryFinishBatchAsync("b1", Ct));
        var succeededBefore = await JobAsync(store, "b1", succeeded.JobId);

        Assert.Equal(1, await store.RequeueAsync("b1", [JobState.Failed], 2, null, Ct));

        var requeued = await JobAsync(store, "b1", failed.JobId);
        Assert.Equal((JobState.Queued, 1, 3, (JobResultRecord?)null, (DateTimeOffset?)null), (requeued.State, requeued.Attempts, requeued.MaxAttempts, requeued.Result, requeued.FinishedAt));
        Assert.Equal(succeededBefore, await JobAsync(store, "b1", succeeded.JobId));
        var batch = await store.GetBatchAsync("b1", Ct);
        Assert.Equal((BatchLifecycle.Active, (DateTimeOffset?)null), (batch!.Lifecycle, batch.FinishedAt));
        var retried = (await ClaimAsync(store, WorkerB, Lease)).Jobs[0];
        Assert.Equal((failed.JobId, 2L, 2), (retried.JobId, retried.LeaseToken, retried.Attempt));
        Assert.Single(await store.GetAttemptsAsync(failed.JobId, Ct));
    }

    [Fact]
    public async Task Requeue_without_extra_attempts_keeps_the_limit_and_honours_the_job_filter()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0), Job(1)), Ct);
        await store.CancelBatchAsync("b1", Ct);
        var ids = (await store.GetJobsAsync("b1", Ct)).Select(job => job.Id).ToArray();

        Assert.Equal(0, await store.RequeueAsync("b1", [JobState.Failed], null, null, Ct));
        Assert.Equal(BatchLifecycle.Cancelled, (await store.GetBatchAsync("b1", Ct))!.Lifecycle);
        Assert.Equal(1, await store.RequeueAsync("b1", [JobState.Cancelled, JobState.Failed], null, [ids[1]], Ct));

        var jobs = await store.GetJobsAsync("b1", Ct);
        Assert.Equal([(JobState.Cancelled, 3), (JobState.Queued, 3)], jobs.Select(job => (job.State, job.MaxAttempts)));
        Assert.Equal(BatchLifecycle.Active, (await store.GetBatchAsync("b1", Ct))!.Lifecycle);
        Assert.Equal(ids[1], (await ClaimAsync(store, WorkerA, Lease)).Jobs[0].JobId);
    }

    [Fact]
    public async Task Requeue_refuses_leased_states()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0)), Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => store.RequeueAsync("b1", [JobState.Running], null, null, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.RequeueAsync("b1", [JobState.Failed, JobState.RetryWait], null, null, Ct));
    }

    [Fact]
    public async Task Cancel_cancels_queued_jobs_and_tells_running_ones_through_their_heartbeat()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0), Job(1), Job(2)), Ct);
        var running = (await ClaimAsync(store, WorkerA, Lease)).Jobs[0];

        Assert.Equal(3, await store.CancelBatchAsync("b1", Ct));
        Assert.Equal(0, await store.CancelBatchAsync("b1", Ct));

        var jobs = await store.GetJobsAsync("b1", Ct);
        Assert.Equal([(JobState.Running, true), (JobState.Cancelled, false), (JobState.Cancelled, false)], jobs.Select(job => (job.State, job.CancelRequested)));
        Assert.All(jobs.Skip(1), job =>
        {
            Assert.Equal(StoreRules.CancelledByUser, job.Result?.Error);
            Assert.NotNull(job.FinishedAt);
        });
        Assert.Equal(BatchLifecycle.Cancelled, (await store.GetBatchAsync("b1", Ct))!.Lifecycle);
        Assert.Equal(LeaseStatus.CancelRequested, await store.HeartbeatAsync(running.JobId, running.LeaseToken, Lease, null, Ct));
        Assert.Null(await store.ClaimNextAsync(WorkerB, Lease, null, Ct));
    }

    [Fact]
    public async Task Cancelled_batch_finishes_once_when_its_last_running_job_ends()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0), Job(1)), Ct);
        var running = (await ClaimAsync(store, WorkerA, Lease)).Jobs[0];
        await store.CancelBatchAsync("b1", Ct);

        Assert.False(await store.TryFinishBatchAsync("b1", Ct));
        Assert.True(await store.CompleteAsync(running.JobId, running.LeaseToken, Completion(JobState.Cancelled), Ct));
        Assert.True(await store.TryFinishBatchAsync("b1", Ct));
        Assert.False(await store.TryFinishBatchAsync("b1", Ct));

        var batch = await store.GetBatchAsync("b1", Ct);
        Assert.Equal(BatchLifecycle.Cancelled, batch!.Lifecycle);
        Assert.NotNull(batch.FinishedAt);
    }

    [Fact]
    public async Task Release_of_a_job_the_user_cancelled_ends_it_cancelled()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0)), Ct);
        var job = (await ClaimAsync(store, WorkerA, Lease)).Jobs[0];
        await store.CancelBatchAsync("b1", Ct);

        Assert.True(await store.ReleaseAsync(job.JobId, job.LeaseToken, "cancelled", Ct));

        var released = await JobAsync(store, "b1", job.JobId);
        Assert.Equal((JobState.Cancelled, 0), (released.State, released.Attempts));
        Assert.True(await store.TryFinishBatchAsync("b1", Ct));
    }

    [Fact]
    public async Task Finish_is_refused_while_work_is_queued_running_or_waiting_to_retry()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0)), Ct);
        var refused = new List<bool> { await store.TryFinishBatchAsync("b1", Ct) };
        var job = (await ClaimAsync(store, WorkerA, Lease)).Jobs[0];
        refused.Add(await store.TryFinishBatchAsync("b1", Ct));
        await store.BeginRetryWaitAsync(job.JobId, job.LeaseToken, FailedWith(ErrorCategory.Timeout), Attempt(1, "timeout"), Ct);
        refused.Add(await store.TryFinishBatchAsync("b1", Ct));

        Assert.Equal([false, false, false], refused);
        Assert.Equal(BatchLifecycle.Active, (await store.GetBatchAsync("b1", Ct))!.Lifecycle);
        Assert.False(await store.TryFinishBatchAsync("nope", Ct));
    }

    [Fact]
    public async Task Finish_happens_exactly_once_among_concurrent_callers()
    {
        var clients = new List<IJobStore> { await OpenStoreAsync() };
        for (var i = 0; i < 2; i++)
        {
            clients.Add(await ClientAsync());
        }

        await clients[0].CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0), Job(1)), Ct);
        while (await clients[0].ClaimNextAsync(WorkerA, Lease, null, Ct) is { } claim)
        {
            await clients[0].CompleteAsync(claim.Jobs[0].JobId, claim.Jobs[0].LeaseToken, Completion(JobState.Succeeded), Ct);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => clients[i % clients.Count].TryFinishBatchAsync("b1", Ct), Ct)));

        Assert.Equal(1, results.Count(finished => finished));
        var batch = await clients[1].GetBatchAsync("b1", Ct);
        Assert.Equal(BatchLifecycle.Completed, batch!.Lifecycle);
        Assert.NotNull(batch.FinishedAt);
    }
}
