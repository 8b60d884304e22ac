using Spool.Core.Queue;
using Spool.Core.Storage;
using Spool.Media.Errors;

namespace Spool.Core.Tests.Storage;

/// <summary>
/// What every store engine must do, written once against <see cref="IJobStore"/>: an engine's test class derives
/// from this and only says how to reach a fresh, empty database for each test. Nothing here may depend on an engine.
/// This part holds the helpers, batches, checkpoints, migrations and the clock; the other parts claims, leases,
/// rescue and batch control.
/// </summary>
public abstract partial class JobStoreContract : IAsyncLifetime
{
    protected static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    protected static readonly TimeSpan ShortLease = TimeSpan.FromMilliseconds(200);
    protected static readonly TimeSpan PastShortLease = TimeSpan.FromMilliseconds(400);
    protected static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000);
    protected static readonly LeaseHolder WorkerA = new("worker-a", "host-a", 1001, 50_001);
    protected static readonly LeaseHolder WorkerB = new("worker-b", "host-a", 1002, 50_002);
    protected static readonly LeaseHolder WorkerOnOtherHost = new("worker-c", "host-b", 1001, 50_001);

    private readonly List<IJobStore> _stores = [];

    protected static CancellationToken Ct => CancellationToken.None;

    /// <summary>A new client of this test's database, not yet migrated. Every call reaches the same database.</summary>
    protected abstract Task<IJobStore> CreateStoreAsync();

    /// <summary>Removes this test's database once every client is disposed.</summary>
    protected virtual Task DeleteDatabaseAsync() => Task.CompletedTask;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        await DeleteDatabaseAsync();
    }

    protected async Task<IJobStore> ClientAsync()
    {
        var store = await CreateStoreAsync();
        _stores.Add(store);
        return store;
    }

    protected async Task<IJobStore> OpenStoreAsync()
    {
        var store = await ClientAsync();
        await store.MigrateAsync(Ct);
        return store;
    }

    protected static NewJob Job(int input, string preset = "web_optimized", double sortKey = 0, int maxAttempts = 3) =>
        new(input, $"/in/clip{input}.mp4", $"clip{input}", preset, sortKey, maxAttempts);

    protected static NewBatch Batch(string id, BatchPriority priority, params NewJob[] jobs) =>
        new(id, priority, "/out/" + id, """{"presets":["web_optimized"]}""", jobs.Select(job => job.InputIndex).Distinct().Count(), jobs);

    protected static JobResultRecord Succeeded(string output) =>
        new(output, null, """{"ssim":0.991}""", "frame=250", "/out/log.txt", 1_000_000, 250_000, 12.5, true)
        {
            CpuSeconds = 21.5,
            PeakMemoryBytes = 123_456_789,
            OperationsJson = """[{"name":"thumbnails","seconds":1.5,"details":{"count":"4"}}]""",
        };

    protected static JobResultRecord FailedWith(ErrorCategory category) =>
        new(null, MediaError.Of(category, "ffmpeg exited with 1"), null, "Invalid data found", "/out/log.txt", 1_000_000, null, 12.5, false);

    protected static AttemptRecord Attempt(int number, string outcome) =>
        new(number, outcome, "ffmpeg -i file:/in/clip0.mp4 out.mp4", outcome == "succeeded" ? 0 : 1, "tail", T0, T0.AddSeconds(3));

    protected static JobCompletion Completion(JobState state, int attempt = 1) => state == JobState.Succeeded
        ? new JobCompletion(state, Succeeded("/out/clip0/video/clip0_web_optimized.mp4"), Attempt(attempt, "succeeded"))
        : new JobCompletion(state, FailedWith(ErrorCategory.InputCorrupt), Attempt(attempt, state.ToWireName()));

    protected static async Task<JobRecord> JobAsync(IJobStore store, string batchId, long jobId) =>
        (await store.GetJobsAsync(batchId, Ct)).Single(job => job.Id == jobId);

    protected static async Task<WorkClaim> ClaimAsync(IJobStore store, LeaseHolder holder, TimeSpan lease, string? batchId = null) =>
        await store.ClaimNextAsync(holder, lease, batchId, Ct) ?? throw new InvalidOperationException("Nothing was claimed.");

    [Fact]
    public async Task Created_batch_reads_back_with_its_jobs_in_input_then_creation_order()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.High, Job(1, "web_optimized"), Job(0, "web_optimized"), Job(0, "mobile_optimized", maxAttempts: 5)), Ct);
        var now = await store.NowAsync(Ct);

        var batch = await store.GetBatchAsync("b1", Ct);
        Assert.NotNull(batch);
        Assert.Equal(("b1", BatchPriority.High, "/out/b1", """{"presets":["web_optimized"]}""", 2, BatchLifecycle.Active, (DateTimeOffset?)null),
            (batch.Id, batch.Priority, batch.OutputDirectory, batch.OptionsJson, batch.TotalInputs, batch.Lifecycle, batch.FinishedAt));
        Assert.InRange(batch.CreatedAt, now.AddSeconds(-5), now);
        Assert.True(await store.BatchExistsAsync("b1", Ct));

        var jobs = await store.GetJobsAsync("b1", Ct);
        Assert.Equal([(0, "web_optimized", 3), (0, "mobile_optimized", 5), (1, "web_optimized", 3)], jobs.Select(job => (job.InputIndex, job.Preset, job.MaxAttempts)));
        var first = jobs[0];
        Assert.Equal(("b1", "/in/clip0.mp4", "clip0", JobState.Queued, 0, 0L, false, 0), (first.BatchId, first.InputPath, first.OutputName, first.State, first.Attempts, first.LeaseToken, first.CancelRequested, first.Crashes));
        Assert.All(jobs, job =>
        {
            Assert.Null(job.Holder);
            Assert.Null(job.LeaseExpiresAt);
            Assert.Null(job.Progress);
            Assert.Null(job.StartedAt);
            Assert.Null(job.FinishedAt);
            Assert.Null(job.Result);
        });
    }

    [Fact]
    public async Task Unknown_batch_does_not_exist()
    {
        var store = await OpenStoreAsync();

        Assert.False(await store.BatchExistsAsync("nope", Ct));
        Assert.Null(await store.GetBatchAsync("nope", Ct));
        Assert.Empty(await store.GetJobsAsync("nope", Ct));
        Assert.Empty(await store.ListBatchesAsync(Ct));
    }

    [Fact]
    public async Task Batches_are_listed_newest_first()
    {
        var store = await OpenStoreAsync();
        foreach (var id in new[] { "b1", "b2", "b3" })
        {
            await store.CreateBatchAsync(Batch(id, BatchPriority.Normal, Job(0)), Ct);
            await Task.Delay(20, Ct);
        }

        Assert.Equal(["b3", "b2", "b1"], (await store.ListBatchesAsync(Ct)).Select(batch => batch.Id));
    }

    [Fact]
    public async Task Set_priority_changes_a_known_batch_only()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Low, Job(0)), Ct);

        Assert.True(await store.SetPriorityAsync("b1", BatchPriority.Urgent, Ct));
        Assert.False(await store.SetPriorityAsync("nope", BatchPriority.Urgent, Ct));
        Assert.Equal(BatchPriority.Urgent, (await store.GetBatchAsync("b1", Ct))!.Priority);
    }

    [Fact]
    public async Task Checkpoint_records_every_job_state_and_a_second_save_replaces_it()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0), Job(1)), Ct);
        var claim = await ClaimAsync(store, WorkerA, Lease);
        Assert.True(await store.CompleteAsync(claim.Jobs[0].JobId, claim.Jobs[0].LeaseToken, Completion(JobState.Succeeded), Ct));
        var ids = (await store.GetJobsAsync("b1", Ct)).Select(job => job.Id).ToArray();

        await store.SaveCheckpointAsync("b1", "before-cancel", Ct);
        var first = await store.GetCheckpointAsync("b1", "before-cancel", Ct);
        await store.CancelBatchAsync("b1", Ct);
        await store.SaveCheckpointAsync("b1", "before-cancel", Ct);
        var second = await store.GetCheckpointAsync("b1", "before-cancel", Ct);

        Assert.NotNull(first);
        Assert.Equal(("b1", "before-cancel"), (first.BatchId, first.Name));
        Assert.Equal(new Dictionary<long, JobState> { [ids[0]] = JobState.Succeeded, [ids[1]] = JobState.Queued }, first.States);
        Assert.Equal(new Dictionary<long, JobState> { [ids[0]] = JobState.Succeeded, [ids[1]] = JobState.Cancelled }, second!.States);
        Assert.True(second.CreatedAt >= first.CreatedAt);
        Assert.Null(await store.GetCheckpointAsync("b1", "other", Ct));
    }

    [Fact]
    public async Task Concurrent_migrations_leave_one_working_schema()
    {
        var clients = new List<IJobStore>();
        for (var i = 0; i < 4; i++)
        {
            clients.Add(await ClientAsync());
        }

        await Task.WhenAll(clients.Select(client => Task.Run(() => client.MigrateAsync(Ct), Ct)));
        await clients[0].MigrateAsync(Ct);
        await clients[1].CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0)), Ct);

        Assert.Equal(["b1"], (await clients[3].ListBatchesAsync(Ct)).Select(batch => batch.Id));
    }

    [Fact]
    public async Task Now_is_the_database_clock_close_to_the_system_clock()
    {
        var store = await OpenStoreAsync();

        var now = await store.NowAsync(Ct);

        Assert.InRange(now, DateTimeOffset.UtcNow.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
    }
}
