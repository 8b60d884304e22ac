using Spool.Core.Queue;

namespace Spool.Core.Tests.Storage;

/// <summary>Dashboard reads: pages of batches and jobs, counts per batch, what runs now, and finished jobs.</summary>
public abstract partial class JobStoreContract
{
    [Fact]
    public async Task Batches_page_newest_first_and_count_all()
    {
        var store = await OpenStoreAsync();
        foreach (var id in new[] { "b1", "b2", "b3", "b4" })
        {
            await store.CreateBatchAsync(Batch(id, BatchPriority.Normal, Job(0)), Ct);
            await Task.Delay(20, Ct);
        }

        Assert.Equal(4, await store.CountBatchesAsync(Ct));
        Assert.Equal(["b3", "b2"], (await store.ListBatchesAsync(1, 2, Ct)).Select(batch => batch.Id));
        Assert.Equal(["b1"], (await store.ListBatchesAsync(3, 50, Ct)).Select(batch => batch.Id));
        Assert.Empty(await store.ListBatchesAsync(4, 50, Ct));
    }

    [Fact]
    public async Task Jobs_page_in_input_order_with_an_optional_state_filter()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Enumerable.Range(0, 10).Select(i => Job(i, sortKey: i)).ToArray()), Ct);
        await ClaimAsync(store, WorkerA, Lease);

        var page = await store.GetJobsPageAsync("b1", null, 3, 4, Ct);
        var running = await store.GetJobsPageAsync("b1", JobState.Running, 0, 50, Ct);
        var queued = await store.GetJobsPageAsync("b1", JobState.Queued, 8, 50, Ct);

        Assert.Equal([3, 4, 5, 6], page.Select(job => job.InputIndex));
        Assert.Equal([(9, JobState.Running)], running.Select(job => (job.InputIndex, job.State)));
        Assert.Equal([8], queued.Select(job => job.InputIndex));
        Assert.Empty(await store.GetJobsPageAsync("nope", null, 0, 50, Ct));
    }

    [Fact]
    public async Task Job_counts_per_batch_match_the_status_read_from_every_job()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0, sortKey: 3), Job(1, sortKey: 2), Job(2, sortKey: 1), Job(3)), Ct);
        await store.CreateBatchAsync(Batch("b2", BatchPriority.Low, Job(0), Job(1)), Ct);
        var done = (await ClaimAsync(store, WorkerA, Lease, "b1")).Jobs[0];
        await store.CompleteAsync(done.JobId, done.LeaseToken, Completion(JobState.Succeeded), Ct);
        var failed = (await ClaimAsync(store, WorkerA, Lease, "b1")).Jobs[0];
        await store.CompleteAsync(failed.JobId, failed.LeaseToken, Completion(JobState.Failed), Ct);
        var running = await ClaimAsync(store, WorkerA, Lease, "b1");

        var all = await store.CountJobsAsync(null, Ct);
        var one = await store.CountJobsAsync(["b2", "nope"], Ct);

        var b1 = all["b1"];
        Assert.Equal((1, 1, 1, 1, 0, 4, 3), (b1[JobState.Succeeded], b1[JobState.Failed], b1[JobState.Running], b1[JobState.Queued], b1[JobState.Cancelled], b1.Total, b1.Started));
        Assert.Equal(done.StartedAt, b1.FirstStartedAt);
        Assert.Equal((2, 0, (DateTimeOffset?)null), (all["b2"].Total, all["b2"].Started, all["b2"].FirstStartedAt));
        Assert.Equal(["b2"], one.Keys);
        var batch = (await store.GetBatchAsync("b1", Ct))!;
        var jobs = await store.GetJobsAsync("b1", Ct);
        Assert.Equal(BatchStatus.Of(batch, jobs).Counts, BatchStatus.Of(batch, b1).Counts);
        Assert.Equal(("running", "running"), (BatchStatus.Of(batch, jobs).State, BatchStatus.Of(batch, b1).State));
        Assert.Equal(JobCounts.Of(jobs).Started, b1.Started);
        Assert.NotNull(running);
    }

    [Fact]
    public async Task Leased_jobs_and_jobs_by_id_read_what_workers_hold()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0, "web_optimized"), Job(0, "mobile_optimized"), Job(1)), Ct);
        var claim = await ClaimAsync(store, WorkerA, Lease);
        await store.HeartbeatAsync(claim.Jobs[0].JobId, claim.Jobs[0].LeaseToken, Lease, new JobProgressRecord(40, 25, 1.5), Ct);
        var ids = (await store.GetJobsAsync("b1", Ct)).Select(job => job.Id).ToArray();

        var leased = await store.GetLeasedJobsAsync(Ct);
        var byId = await store.GetJobsByIdAsync([ids[2], ids[0], 999_999], Ct);

        Assert.Equal([(ids[0], WorkerA), (ids[1], WorkerA)], leased.Select(job => (job.Id, job.Holder!)));
        Assert.Equal(new JobProgressRecord(40, 25, 1.5), leased[0].Progress);
        Assert.Equal([(ids[0], JobState.Running), (ids[2], JobState.Queued)], byId.Select(job => (job.Id, job.State)));
        Assert.Empty(await store.GetJobsByIdAsync([], Ct));
    }

    [Fact]
    public async Task Finished_jobs_carry_their_times_and_sizes()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0), Job(1), Job(2)), Ct);
        var done = (await ClaimAsync(store, WorkerA, Lease)).Jobs[0];
        await store.CompleteAsync(done.JobId, done.LeaseToken, Completion(JobState.Succeeded), Ct);
        await ClaimAsync(store, WorkerA, Lease);
        await store.CancelBatchAsync("b1", Ct);
        var now = await store.NowAsync(Ct);

        var finished = await store.ListFinishedJobsAsync(null, Ct);
        var later = await store.ListFinishedJobsAsync(now.AddMinutes(1), Ct);

        Assert.Equal([JobState.Succeeded, JobState.Cancelled], finished.Select(job => job.State).Order());
        var succeeded = finished.Single(job => job.State == JobState.Succeeded);
        Assert.Equal((done.StartedAt, 1_000_000L, 250_000L), (succeeded.StartedAt!.Value, succeeded.InputBytes!.Value, succeeded.OutputBytes!.Value));
        Assert.InRange(succeeded.Seconds!.Value, 0, 5);
        Assert.Null(finished.Single(job => job.State == JobState.Cancelled).Seconds);
        Assert.Empty(later);
    }
}
