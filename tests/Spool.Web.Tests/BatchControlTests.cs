using System.Net;
using System.Net.Http.Json;
using Spool.Core.Queue;

namespace Spool.Web.Tests;

/// <summary>Cancel, priority, retry and resume on a server without workers, where queued jobs stay queued.</summary>
public sealed class BatchControlTests(IdleServer server) : IClassFixture<IdleServer>
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Cancel_of_a_queued_batch_cancels_its_jobs()
    {
        await server.Store.CreateBatchAsync(TestMedia.Batch("batch_cancel", 3, Path.Combine(server.Folder, "out-cancel")), Ct);

        using var response = await server.Client.PostAsync(new Uri("/api/batches/batch_cancel/cancel", UriKind.Relative), null);

        var body = await TestMedia.JsonAsync(response);
        Assert.Equal((HttpStatusCode.OK, "batch_cancel", 3), (response.StatusCode, body.GetProperty("id").GetString(), body.GetProperty("cancelled").GetInt32()));
        var batch = await TestMedia.GetJsonAsync(server.Client, "/api/batches/batch_cancel");
        Assert.Equal(("cancelled", 3), (batch.GetProperty("state").GetString(), batch.GetProperty("counts").GetProperty("cancelled").GetInt32()));
        Assert.All(batch.GetProperty("jobs").EnumerateArray(), job => Assert.Equal("cancelled", job.GetProperty("error").GetProperty("category").GetString()));

        using var resumed = await server.Client.PostAsync(new Uri("/api/batches/batch_cancel/resume", UriKind.Relative), null);
        Assert.Equal(3, (await TestMedia.JsonAsync(resumed)).GetProperty("requeued").GetInt32());
        Assert.Equal("queued", (await TestMedia.GetJsonAsync(server.Client, "/api/batches/batch_cancel")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Patch_changes_the_priority_and_refuses_an_unknown_one()
    {
        await server.Store.CreateBatchAsync(TestMedia.Batch("batch_priority", 1), Ct);

        using var urgent = await server.Client.PatchAsJsonAsync(new Uri("/api/batches/batch_priority", UriKind.Relative), new { priority = "urgent" });
        using var bad = await server.Client.PatchAsJsonAsync(new Uri("/api/batches/batch_priority", UriKind.Relative), new { priority = "asap" });

        Assert.Equal(HttpStatusCode.OK, urgent.StatusCode);
        Assert.Equal(BatchPriority.Urgent, (await server.Store.GetBatchAsync("batch_priority", Ct))!.Priority);
        Assert.Equal("urgent", (await TestMedia.GetJsonAsync(server.Client, "/api/batches/batch_priority")).GetProperty("priority").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.StartsWith("Unknown priority 'asap'", (await TestMedia.JsonAsync(bad)).GetProperty("errors").GetProperty("priority")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_requeues_only_failed_jobs()
    {
        await server.Store.CreateBatchAsync(TestMedia.Batch("batch_retry", 2), Ct);

        using var response = await server.Client.PostAsync(new Uri("/api/batches/batch_retry/retry", UriKind.Relative), null);

        Assert.Equal(0, (await TestMedia.JsonAsync(response)).GetProperty("requeued").GetInt32());
    }

    [Theory]
    [InlineData("GET", "/api/batches/nope")]
    [InlineData("GET", "/api/batches/nope/report")]
    [InlineData("POST", "/api/batches/nope/cancel")]
    [InlineData("POST", "/api/batches/nope/retry")]
    [InlineData("POST", "/api/batches/nope/resume")]
    public async Task An_unknown_batch_answers_404(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not found", (await TestMedia.JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_report_not_written_yet_answers_404()
    {
        await server.Store.CreateBatchAsync(TestMedia.Batch("batch_report", 1, Path.Combine(server.Folder, "out-report")), Ct);

        using var response = await server.Client.GetAsync(new Uri("/api/batches/batch_report/report", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
