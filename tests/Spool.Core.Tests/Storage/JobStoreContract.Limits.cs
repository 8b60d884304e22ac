using Spool.Core.Queue;
using Spool.Core.Storage;
using Spool.Media.Errors;

namespace Spool.Core.Tests.Storage;

/// <summary>
/// A batch's own limits, stored with it (BatchOptionsSnapshot's max_concurrent): the claim never hands out a work item
/// of a batch that already has that many running, whichever worker asks.
/// </summary>
public abstract partial class JobStoreContract
{
    protected static NewBatch LimitedBatch(string id, BatchPriority priority, string optionsJson, params NewJob[] jobs) =>
        new(id, priority, "/out/" + id, optionsJson, jobs.Select(job => job.InputIndex).Distinct().Count(), jobs);

    [Fact]
    public async Task A_batch_limited_to_one_work_item_is_not_handed_to_a_second_worker_while_one_runs()
    {
        var store = await OpenStoreAsync();
        var other = await ClientAsync();
        await store.CreateBatchAsync(LimitedBatch("seq", BatchPriority.High, """{"max_concurrent":1}""", Job(0), Job(1), Job(2)), Ct);
        await store.CreateBatchAsync(Batch("free", BatchPriority.Low, Job(0)), Ct);

        var first = await ClaimAsync(store, WorkerA, Lease);
        var second = await ClaimAsync(other, WorkerB, Lease);
        var third = await other.ClaimNextAsync(WorkerB, Lease, null, Ct);

        Assert.Equal(("seq", 0), (first.Batch.Id, first.InputIndex));
        Assert.Equal("free", second.Batch.Id);
        Assert.Null(third);
        Assert.True(await store.CompleteAsync(first.Jobs[0].JobId, first.Jobs[0].LeaseToken, Completion(JobState.Succeeded), Ct));
        var next = await ClaimAsync(other, WorkerB, Lease);
        Assert.Equal(("seq", 1), (next.Batch.Id, next.InputIndex));
    }

    [Fact]
    public async Task A_batch_limit_counts_work_items_and_a_job_waiting_to_retry_still_counts()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(LimitedBatch("b1", BatchPriority.Normal, """{"max_concurrent":2}""",
            Job(0, "web_optimized"), Job(0, "mobile_optimized"), Job(1), Job(2)), Ct);

        var first = await ClaimAsync(store, WorkerA, Lease);
        var second = await ClaimAsync(store, WorkerB, Lease);
        Assert.True(await store.BeginRetryWaitAsync(second.Jobs[0].JobId, second.Jobs[0].LeaseToken, FailedWith(ErrorCategory.FfmpegFailed), Attempt(1, "failed"), Ct));

        Assert.Equal([(0, 2), (1, 1)], new[] { first, second }.Select(claim => (claim.InputIndex, claim.Jobs.Count)));
        Assert.Null(await store.ClaimNextAsync(WorkerA, Lease, null, Ct));
        Assert.Null(await store.ClaimNextAsync(WorkerB, Lease, "b1", Ct));
    }

    [Fact]
    public async Task Concurrent_claimers_of_a_sequential_batch_get_one_work_item_between_them()
    {
        var clients = new List<IJobStore> { await OpenStoreAsync() };
        for (var i = 0; i < 3; i++)
        {
            clients.Add(await ClientAsync());
        }

        await clients[0].CreateBatchAsync(LimitedBatch("seq", BatchPriority.Normal, """{"max_concurrent":1,"parallel_strategy":"sequential"}""",
            [.. Enumerable.Range(0, 8).Select(input => Job(input))]), Ct);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(
            () => clients[i % clients.Count].ClaimNextAsync(new LeaseHolder($"worker-{i}", "host-a", 3000 + i, i), Lease, null, Ct), Ct)));

        Assert.Single(claims.OfType<WorkClaim>());
        Assert.Single(await clients[0].GetLeasedJobsAsync(Ct));
    }

    [Fact]
    public async Task An_adaptive_batch_waits_while_the_machine_is_busier_than_its_threshold_unless_the_worker_runs_nothing()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(LimitedBatch("adaptive", BatchPriority.High, """{"parallel_strategy":"adaptive","cpu_threshold":10,"memory_threshold":85}""", Job(0), Job(1), Job(2)), Ct);
        await store.CreateBatchAsync(Batch("fixed", BatchPriority.Low, Job(0)), Ct);

        var busy = await store.ClaimNextAsync(WorkerA, Lease, null, new MachineLoad(1, 100, 40, 16), Ct);
        var fullMemory = await store.ClaimNextAsync(WorkerA, Lease, "adaptive", new MachineLoad(1, 5, 90, 16), Ct);
        var calm = await store.ClaimNextAsync(WorkerA, Lease, null, new MachineLoad(1, 5, 40, 16), Ct);
        var idle = await store.ClaimNextAsync(WorkerB, Lease, null, MachineLoad.Idle, Ct);
        var unmeasured = await store.ClaimNextAsync(WorkerB, Lease, null, new MachineLoad(3, null, null, null), Ct);

        Assert.Equal("fixed", busy?.Batch.Id);
        Assert.Null(fullMemory);
        Assert.Equal(("adaptive", 0), (calm?.Batch.Id, calm?.InputIndex));
        Assert.Equal(("adaptive", 1), (idle?.Batch.Id, idle?.InputIndex));
        Assert.Equal(("adaptive", 2), (unmeasured?.Batch.Id, unmeasured?.InputIndex));
    }

    [Fact]
    public async Task A_memory_cap_bounds_the_estimated_memory_of_the_workers_items_and_smart_falls_back_to_the_machines()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(LimitedBatch("capped", BatchPriority.High, """{"parallel_strategy":"adaptive","cpu_threshold":80,"memory_threshold":85,"max_memory_gb":1.6}""", Job(0), Job(1)), Ct);
        await store.CreateBatchAsync(LimitedBatch("smart", BatchPriority.Normal, """{"parallel_strategy":"smart","cpu_threshold":80,"memory_threshold":85}""", Job(0), Job(1)), Ct);

        // Each item is taken to hold 0.75 GB: one running plus one more is 1.5, two plus one 2.25.
        Assert.Null(await store.ClaimNextAsync(WorkerA, Lease, "capped", new MachineLoad(2, 5, 40, 64), Ct));
        Assert.Equal("capped", (await store.ClaimNextAsync(WorkerA, Lease, "capped", new MachineLoad(1, 5, 40, 64), Ct))?.Batch.Id);
        Assert.Null(await store.ClaimNextAsync(WorkerA, Lease, "smart", new MachineLoad(1, 5, 40, 1.0), Ct));
        Assert.Equal("smart", (await store.ClaimNextAsync(WorkerA, Lease, "smart", new MachineLoad(1, 5, 40, 2.0), Ct))?.Batch.Id);
    }

    [Fact]
    public async Task Options_that_are_not_json_leave_a_batch_without_limits_instead_of_stopping_every_claim()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(LimitedBatch("odd", BatchPriority.Normal, "not json", Job(0), Job(1)), Ct);

        Assert.NotNull(await store.ClaimNextAsync(WorkerA, Lease, null, new MachineLoad(1, 100, 100, 1), Ct));
        Assert.NotNull(await store.ClaimNextAsync(WorkerB, Lease, null, Ct));
    }
}
