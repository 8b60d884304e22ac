using Spool.Core.Queue;

namespace Spool.Core.Tests.Storage;

/// <summary>
/// Issue 10: batch ids never collide. The id is a base ("batch_YYYYMMDD_HHMMSS"); the store inserts it and takes the
/// next suffix on a key conflict, so two submits in the same second, from any process, both succeed.
/// </summary>
public abstract partial class JobStoreContract
{
    private const string SameSecond = "batch_20261122_070507";

    [Fact]
    public async Task Two_batches_with_the_same_base_id_are_both_stored_under_distinct_ids()
    {
        var store = await OpenStoreAsync();

        var first = await store.CreateBatchAsync(Batch(SameSecond, BatchPriority.Normal, Job(0)), Ct);
        var second = await store.CreateBatchAsync(Batch(SameSecond, BatchPriority.High, Job(0), Job(1)), Ct);

        Assert.Equal((SameSecond, SameSecond + "_2"), (first, second));
        var ids = (await store.ListBatchesAsync(Ct)).Select(batch => batch.Id).Order(StringComparer.Ordinal);
        Assert.Equal([SameSecond, SameSecond + "_2"], ids);
        Assert.Single(await store.GetJobsAsync(SameSecond, Ct));
        Assert.Equal(2, (await store.GetJobsAsync(SameSecond + "_2", Ct)).Count);
        Assert.Equal(BatchPriority.High, (await store.GetBatchAsync(SameSecond + "_2", Ct))!.Priority);
    }

    [Fact]
    public async Task Concurrent_creates_with_one_base_id_from_two_clients_all_succeed_with_distinct_ids()
    {
        var first = await OpenStoreAsync();
        var second = await ClientAsync();
        var creates = Enumerable.Range(0, 8)
            .Select(i => Task.Run(() => (i % 2 == 0 ? first : second).CreateBatchAsync(Batch(SameSecond, BatchPriority.Normal, Job(0), Job(1)), Ct), Ct))
            .ToList();

        var returned = await Task.WhenAll(creates);

        string[] expected = [SameSecond, .. Enumerable.Range(2, 7).Select(n => $"{SameSecond}_{n}")];
        var batches = await first.ListBatchesAsync(Ct);
        Assert.Equal(expected.Order(StringComparer.Ordinal), returned.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Order(StringComparer.Ordinal), batches.Select(batch => batch.Id).Order(StringComparer.Ordinal));
        foreach (var id in expected)
        {
            Assert.Equal(2, (await second.GetJobsAsync(id, Ct)).Count);
        }
    }
}
