using Spool.Core.Queue;

namespace Spool.Core.Tests.Storage;

/// <summary>Chunk jobs (issue 12): each is claimed alone, and its output's join waits until every chunk of the input has ended.</summary>
public abstract partial class JobStoreContract
{
    private static NewJob Chunk(int input, int index, int count, double start, double? end) =>
        Job(input, JobChunk.JobName("web_optimized", index), sortKey: 10) with { Chunk = new JobChunk("web_optimized", index, count, start, end) };

    private static NewBatch ChunkedBatch(string optionsJson = """{"presets":["web_optimized"]}""") =>
        new("b1", BatchPriority.Normal, "/out/b1", optionsJson, 1,
            [Job(0, "web_optimized", sortKey: 10), Job(0, "thumbnails", sortKey: 10), Chunk(0, 1, 3, 0, 6), Chunk(0, 2, 3, 6, 12), Chunk(0, 3, 3, 12, null)]);

    [Fact]
    public async Task Chunks_are_claimed_one_at_a_time_each_with_its_span()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(ChunkedBatch(), Ct);

        var claims = new[] { await ClaimAsync(store, WorkerA, Lease), await ClaimAsync(store, WorkerB, Lease), await ClaimAsync(store, WorkerA, Lease) };

        Assert.Equal(
            [("web_optimized#chunk1", new JobChunk("web_optimized", 1, 3, 0, 6)), ("web_optimized#chunk2", new JobChunk("web_optimized", 2, 3, 6, 12)), ("web_optimized#chunk3", new JobChunk("web_optimized", 3, 3, 12, null))],
            claims.Select(claim => (claim.Jobs.Single().Preset, claim.Jobs.Single().Chunk!)));
        Assert.Equal(new JobChunk("web_optimized", 2, 3, 6, 12), (await store.GetJobsAsync("b1", Ct)).Single(job => job.Preset == "web_optimized#chunk2").Chunk);
        Assert.Null((await store.GetJobsAsync("b1", Ct)).Single(job => job.Preset == "web_optimized").Chunk);
    }

    [Fact]
    public async Task The_inputs_other_jobs_wait_until_every_chunk_has_ended()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(ChunkedBatch(), Ct);
        var chunks = new[] { await ClaimAsync(store, WorkerA, Lease), await ClaimAsync(store, WorkerA, Lease), await ClaimAsync(store, WorkerA, Lease) };

        Assert.Null(await store.ClaimNextAsync(WorkerB, Lease, null, Ct));
        await store.CompleteAsync(chunks[0].Jobs[0].JobId, chunks[0].Jobs[0].LeaseToken, Completion(JobState.Succeeded), Ct);
        await store.CompleteAsync(chunks[1].Jobs[0].JobId, chunks[1].Jobs[0].LeaseToken, Completion(JobState.Failed), Ct);
        Assert.Null(await store.ClaimNextAsync(WorkerB, Lease, null, Ct));
        await store.CompleteAsync(chunks[2].Jobs[0].JobId, chunks[2].Jobs[0].LeaseToken, Completion(JobState.Succeeded), Ct);

        var join = await ClaimAsync(store, WorkerB, Lease);
        Assert.Equal(["web_optimized", "thumbnails"], join.Jobs.Select(job => job.Preset));
        Assert.All(join.Jobs, job => Assert.Null(job.Chunk));
        Assert.Equal(["web_optimized", "thumbnails", "web_optimized#chunk1", "web_optimized#chunk2", "web_optimized#chunk3"], (await store.GetInputJobsAsync("b1", 0, Ct)).Select(job => job.Preset));
    }

    [Fact]
    public async Task Each_running_chunk_counts_as_a_work_item_against_max_concurrent()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(ChunkedBatch("""{"presets":["web_optimized"],"max_concurrent":2}"""), Ct);

        await ClaimAsync(store, WorkerA, Lease);
        await ClaimAsync(store, WorkerB, Lease);

        Assert.Null(await store.ClaimNextAsync(WorkerA, Lease, null, Ct));
    }
}
