using Spool.Core.Queue;
using Spool.Core.Storage;
using Spool.Media.Errors;

namespace Spool.Core.Tests.Storage;

/// <summary>Claim order, claiming a work item whole, concurrent claimers, heartbeats and the fenced writes.</summary>
public abstract partial class JobStoreContract
{
    [Fact]
    public async Task Claim_takes_the_urgent_batch_before_an_earlier_normal_one()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("normal", BatchPriority.Normal, Job(0, sortKey: 100)), Ct);
        await store.CreateBatchAsync(Batch("urgent", BatchPriority.Urgent, Job(0, sortKey: 1)), Ct);

        var first = await ClaimAsync(store, WorkerA, Lease);
        var second = await ClaimAsync(store, WorkerA, Lease);

        Assert.Equal(["urgent", "normal"], new[] { first.Batch.Id, second.Batch.Id });
    }

    [Fact]
    public async Task Claim_within_a_priority_takes_the_highest_sort_key_first_then_input_order()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0, sortKey: 1), Job(1, sortKey: 5), Job(2, sortKey: 5), Job(3, sortKey: 2)), Ct);

        var order = new List<int>();
        while (await store.ClaimNextAsync(WorkerA, Lease, null, Ct) is { } claim)
        {
            order.Add(claim.InputIndex);
        }

        Assert.Equal([1, 2, 3, 0], order);
    }

    [Fact]
    public async Task Claim_takes_every_queued_job_of_one_input_together()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0, "web_optimized"), Job(0, "mobile_optimized"), Job(0, "archival"), Job(1)), Ct);

        var claim = await ClaimAsync(store, WorkerA, Lease);

        Assert.Equal(("b1", BatchLifecycle.Active, 0, "/in/clip0.mp4", "clip0"), (claim.Batch.Id, claim.Batch.Lifecycle, claim.InputIndex, claim.InputPath, claim.OutputName));
        Assert.Equal([("web_optimized", 1L, 1), ("mobile_optimized", 1L, 1), ("archival", 1L, 1)], claim.Jobs.Select(job => (job.Preset, job.LeaseToken, job.Attempt)));
        Assert.All(claim.Jobs, job => Assert.Equal(3, job.MaxAttempts));
        Assert.Equal(claim.Jobs.Select(job => job.JobId).Order(), claim.Jobs.Select(job => job.JobId));
        var jobs = await store.GetJobsAsync("b1", Ct);
        Assert.All(jobs.Take(3), job =>
        {
            Assert.Equal((JobState.Running, 1, 1L, WorkerA), (job.State, job.Attempts, job.LeaseToken, job.Holder));
            Assert.Equal(job.StartedAt + Lease, job.LeaseExpiresAt);
        });
        Assert.Equal(claim.Jobs[0].StartedAt, jobs[0].StartedAt);
        Assert.Equal((JobState.Queued, 0, 0L), (jobs[3].State, jobs[3].Attempts, jobs[3].LeaseToken));
    }

    [Fact]
    public async Task Claim_for_one_batch_ignores_other_batches()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("urgent", BatchPriority.Urgent, Job(0)), Ct);
        await store.CreateBatchAsync(Batch("mine", BatchPriority.Low, Job(0)), Ct);

        var claim = await ClaimAsync(store, WorkerA, Lease, "mine");

        Assert.Equal("mine", claim.Batch.Id);
        Assert.Null(await store.ClaimNextAsync(WorkerA, Lease, "mine", Ct));
    }

    [Fact]
    public async Task Claim_skips_batches_that_are_not_active()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0), Job(1)), Ct);
        await store.CancelBatchAsync("b1", Ct);

        Assert.Null(await store.ClaimNextAsync(WorkerA, Lease, null, Ct));
        Assert.Null(await store.ClaimNextAsync(WorkerA, Lease, "b1", Ct));
    }

    [Fact]
    public async Task Claim_returns_null_when_nothing_is_queued()
    {
        var store = await OpenStoreAsync();
        Assert.Null(await store.ClaimNextAsync(WorkerA, Lease, null, Ct));

        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0)), Ct);
        await ClaimAsync(store, WorkerA, Lease);

        Assert.Null(await store.ClaimNextAsync(WorkerB, Lease, null, Ct));
    }

    [Fact]
    public async Task Concurrent_claimers_never_get_the_same_job()
    {
        var clients = new List<IJobStore> { await OpenStoreAsync() };
        for (var i = 0; i < 3; i++)
        {
            clients.Add(await ClientAsync());
        }

        var jobs = Enumerable.Range(0, 10).SelectMany(input => new[] { Job(input, "web_optimized"), Job(input, "mobile_optimized") }).ToArray();
        await clients[0].CreateBatchAsync(Batch("b1", BatchPriority.Normal, jobs), Ct);

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(
            () => clients[i % clients.Count].ClaimNextAsync(new LeaseHolder($"worker-{i}", "host-a", 2000 + i, i), Lease, null, Ct), Ct)));

        var won = claims.OfType<WorkClaim>().ToList();
        Assert.Equal(10, won.Count);
        Assert.Equal(Enumerable.Range(0, 10), won.Select(claim => claim.InputIndex).Order());
        Assert.Equal(20, won.SelectMany(claim => claim.Jobs).Select(job => job.JobId).Distinct().Count());
        Assert.All(await clients[0].GetJobsAsync("b1", Ct), job => Assert.Equal((JobState.Running, 1L, 1), (job.State, job.LeaseToken, job.Attempts)));
    }

    [Fact]
    public async Task Heartbeat_extends_the_lease_and_records_progress()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0)), Ct);
        var job = (await ClaimAsync(store, WorkerA, Lease)).Jobs[0];

        var beat = await store.HeartbeatAsync(job.JobId, job.LeaseToken, TimeSpan.FromMinutes(10), new JobProgressRecord(42.5, 30, 1.5), Ct);
        var quiet = await store.HeartbeatAsync(job.JobId, job.LeaseToken, TimeSpan.FromMinutes(10), null, Ct);

        Assert.Equal((LeaseStatus.Held, LeaseStatus.Held), (beat, quiet));
        var stored = await JobAsync(store, "b1", job.JobId);
        Assert.InRange(stored.LeaseExpiresAt!.Value, job.StartedAt.AddMinutes(10), job.StartedAt.AddMinutes(10).AddSeconds(30));
        Assert.Equal(new JobProgressRecord(42.5, 30, 1.5), stored.Progress);
    }

    [Fact]
    public async Task Heartbeat_with_a_stale_token_is_lost_and_changes_nothing()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0)), Ct);
        var job = (await ClaimAsync(store, WorkerA, Lease)).Jobs[0];
        var before = await JobAsync(store, "b1", job.JobId);

        var beat = await store.HeartbeatAsync(job.JobId, job.LeaseToken + 1, TimeSpan.FromHours(1), new JobProgressRecord(99, 1, 1), Ct);

        Assert.Equal(LeaseStatus.Lost, beat);
        Assert.Equal(before, await JobAsync(store, "b1", job.JobId));
    }

    [Fact]
    public async Task Completion_with_a_stale_token_is_refused_after_another_worker_took_the_job()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0)), Ct);
        var stale = (await ClaimAsync(store, WorkerA, ShortLease)).Jobs[0];
        await Task.Delay(PastShortLease, Ct);
        Assert.Equal(1, await store.RescueExpiredAsync(Ct));
        var current = (await ClaimAsync(store, WorkerB, Lease)).Jobs[0];
        var before = await JobAsync(store, "b1", stale.JobId);

        Assert.False(await store.CompleteAsync(stale.JobId, stale.LeaseToken, Completion(JobState.Succeeded), Ct));
        Assert.False(await store.ReleaseAsync(stale.JobId, stale.LeaseToken, "shutdown", Ct));
        Assert.False(await store.BeginRetryWaitAsync(stale.JobId, stale.LeaseToken, FailedWith(ErrorCategory.Timeout), Attempt(1, "timeout"), Ct));
        Assert.Equal(LeaseStatus.Lost, await store.HeartbeatAsync(stale.JobId, stale.LeaseToken, Lease, null, Ct));

        Assert.Equal(before, await JobAsync(store, "b1", stale.JobId));
        Assert.Equal((2L, WorkerB), (current.LeaseToken, before.Holder));
        Assert.Equal(["interrupted: lease expired"], (await store.GetAttemptsAsync(stale.JobId, Ct)).Select(attempt => attempt.Outcome));
        Assert.True(await store.CompleteAsync(current.JobId, current.LeaseToken, Completion(JobState.Succeeded), Ct));
    }

    [Fact]
    public async Task Completion_stores_the_result_and_the_attempt_and_clears_the_lease()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0)), Ct);
        var job = (await ClaimAsync(store, WorkerA, Lease)).Jobs[0];
        var completion = Completion(JobState.Succeeded);

        Assert.True(await store.CompleteAsync(job.JobId, job.LeaseToken, completion, Ct));
        var now = await store.NowAsync(Ct);

        var stored = await JobAsync(store, "b1", job.JobId);
        Assert.Equal((JobState.Succeeded, 1, 1L, (LeaseHolder?)null, (DateTimeOffset?)null), (stored.State, stored.Attempts, stored.LeaseToken, stored.Holder, stored.LeaseExpiresAt));
        Assert.Equal(completion.Result, stored.Result);
        Assert.InRange(stored.FinishedAt!.Value, job.StartedAt, now);
        Assert.Equal([completion.Attempt], await store.GetAttemptsAsync(job.JobId, Ct));
        Assert.False(await store.CompleteAsync(job.JobId, job.LeaseToken, completion, Ct));
    }

    [Fact]
    public async Task Completion_of_a_copied_output_reads_back_which_output_it_was_copied_from()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0, "instagram")), Ct);
        var job = (await ClaimAsync(store, WorkerA, Lease)).Jobs[0];
        var copied = Succeeded("/out/clip0/video/clip0_instagram.mp4") with { CpuSeconds = null, CopiedFrom = "social_media" };

        Assert.True(await store.CompleteAsync(job.JobId, job.LeaseToken, new JobCompletion(JobState.Succeeded, copied, Attempt(1, "succeeded")), Ct));

        var stored = await JobAsync(store, "b1", job.JobId);
        Assert.Equal("social_media", stored.Result?.CopiedFrom);
        Assert.Equal(copied, stored.Result);
    }

    [Fact]
    public async Task Completion_must_be_terminal()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0)), Ct);
        var job = (await ClaimAsync(store, WorkerA, Lease)).Jobs[0];

        await Assert.ThrowsAsync<ArgumentException>(() => store.CompleteAsync(job.JobId, job.LeaseToken, Completion(JobState.Queued), Ct));
    }

    [Fact]
    public async Task Retry_wait_round_trip_counts_the_next_attempt_under_the_same_lease()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0)), Ct);
        var job = (await ClaimAsync(store, WorkerA, Lease)).Jobs[0];
        var failure = FailedWith(ErrorCategory.Timeout);

        Assert.True(await store.BeginRetryWaitAsync(job.JobId, job.LeaseToken, failure, Attempt(1, "timeout"), Ct));
        var waiting = await JobAsync(store, "b1", job.JobId);
        Assert.Equal(LeaseStatus.Held, await store.HeartbeatAsync(job.JobId, job.LeaseToken, Lease, null, Ct));
        Assert.False(await store.BeginRetryWaitAsync(job.JobId, job.LeaseToken, failure, Attempt(1, "timeout"), Ct));
        Assert.True(await store.EndRetryWaitAsync(job.JobId, job.LeaseToken, Ct));
        Assert.False(await store.EndRetryWaitAsync(job.JobId, job.LeaseToken, Ct));
        var running = await JobAsync(store, "b1", job.JobId);
        Assert.True(await store.CompleteAsync(job.JobId, job.LeaseToken, Completion(JobState.Succeeded, attempt: 2), Ct));

        Assert.Equal((JobState.RetryWait, 1, failure), (waiting.State, waiting.Attempts, waiting.Result));
        Assert.Equal((JobState.Running, 2, 1L, WorkerA), (running.State, running.Attempts, running.LeaseToken, running.Holder));
        Assert.Equal([(1, "timeout"), (2, "succeeded")], (await store.GetAttemptsAsync(job.JobId, Ct)).Select(attempt => (attempt.Number, attempt.Outcome)));
    }

    [Fact]
    public async Task Release_requeues_without_counting_the_attempt_and_records_it_as_interrupted()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0)), Ct);
        var job = (await ClaimAsync(store, WorkerA, Lease)).Jobs[0];

        Assert.True(await store.ReleaseAsync(job.JobId, job.LeaseToken, "shutdown", Ct));
        var released = await JobAsync(store, "b1", job.JobId);
        var again = (await ClaimAsync(store, WorkerB, Lease)).Jobs[0];

        Assert.Equal((JobState.Queued, 0, 1L, (LeaseHolder?)null, (DateTimeOffset?)null, 0), (released.State, released.Attempts, released.LeaseToken, released.Holder, released.LeaseExpiresAt, released.Crashes));
        var attempt = Assert.Single(await store.GetAttemptsAsync(job.JobId, Ct));
        Assert.Equal((1, "interrupted: shutdown", job.StartedAt), (attempt.Number, attempt.Outcome, attempt.StartedAt));
        Assert.Equal((2L, 1), (again.LeaseToken, again.Attempt));
        Assert.False(await store.ReleaseAsync(job.JobId, job.LeaseToken, "shutdown", Ct));
    }
}
