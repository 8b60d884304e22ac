using System.Net;

namespace Spool.Web.Tests;

/// <summary>Every list is paged, so a store of thousands of jobs answers a page at a time with the right totals.</summary>
public sealed class PagingTests(IdleServer server) : IClassFixture<IdleServer>
{
    [Fact]
    public async Task A_batch_of_1000_jobs_answers_one_page_with_the_total()
    {
        await server.Store.CreateBatchAsync(TestMedia.Batch("batch_big", 1000), CancellationToken.None);

        var page = await TestMedia.GetJsonAsync(server.Client, "/api/batches/batch_big?offset=950&limit=100");
        var first = await TestMedia.GetJsonAsync(server.Client, "/api/batches/batch_big");
        var capped = await TestMedia.GetJsonAsync(server.Client, "/api/batches/batch_big?limit=100000");
        var running = await TestMedia.GetJsonAsync(server.Client, "/api/batches/batch_big?state=running");

        Assert.Equal((1000, 50), (page.GetProperty("jobs_total").GetInt32(), page.GetProperty("jobs").GetArrayLength()));
        Assert.Equal("clip00950.mp4", page.GetProperty("jobs")[0].GetProperty("input_name").GetString());
        Assert.Equal((1000, 200), (first.GetProperty("jobs_total").GetInt32(), first.GetProperty("jobs").GetArrayLength()));
        Assert.Equal(500, capped.GetProperty("jobs").GetArrayLength());
        Assert.Equal((0, 0), (running.GetProperty("jobs_total").GetInt32(), running.GetProperty("jobs").GetArrayLength()));
        Assert.Equal(("queued", 1000), (first.GetProperty("state").GetString(), first.GetProperty("counts").GetProperty("queued").GetInt32()));
    }

    [Fact]
    public async Task Batches_are_listed_newest_first_a_page_at_a_time()
    {
        foreach (var i in Enumerable.Range(0, 5))
        {
            await server.Store.CreateBatchAsync(TestMedia.Batch($"batch_page_{i}", 1), CancellationToken.None);
            await Task.Delay(5);
        }

        var list = await TestMedia.GetJsonAsync(server.Client, "/api/batches?offset=1&limit=2");

        Assert.True(list.GetProperty("total").GetInt32() >= 5);
        Assert.Equal(2, list.GetProperty("batches").GetArrayLength());
        var all = await TestMedia.GetJsonAsync(server.Client, "/api/batches?limit=500");
        var ids = all.GetProperty("batches").EnumerateArray().Select(batch => batch.GetProperty("id").GetString()).Where(id => id!.StartsWith("batch_page_", StringComparison.Ordinal)).ToList();
        Assert.Equal(["batch_page_4", "batch_page_3", "batch_page_2", "batch_page_1", "batch_page_0"], ids);
    }

    [Fact]
    public async Task An_unknown_state_filter_answers_400()
    {
        await server.Store.CreateBatchAsync(TestMedia.Batch("batch_filter", 1), CancellationToken.None);

        using var response = await server.Client.GetAsync(new Uri("/api/batches/batch_filter?state=done", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
