using System.Net;
using System.Text.Json;

namespace Spool.Web.Tests;

/// <summary>A folder of three clips submitted over HTTP runs to completed on the server's own workers.</summary>
public sealed class BatchRunTests(WorkingServer server) : IClassFixture<WorkingServer>
{
    [Fact]
    public async Task A_submitted_folder_of_three_clips_runs_to_completed_and_is_listed()
    {
        var clips = await TestMedia.ClipsAsync(server.Folder, 3);

        using var posted = await TestMedia.PostJsonAsync(server.Client, "/api/batches", new { inputs = new[] { clips }, presets = new[] { "fast_draft" }, qc = "off" });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var id = (await TestMedia.JsonAsync(posted)).GetProperty("id").GetString()!;
        Assert.Equal($"/api/batches/{id}", posted.Headers.Location?.OriginalString);
        var batch = await WaitForStateAsync(id, "completed");

        Assert.Equal((3, 3, 1.0), (batch.GetProperty("jobs_total").GetInt32(), batch.GetProperty("counts").GetProperty("succeeded").GetInt32(), batch.GetProperty("progress").GetDouble()));
        Assert.Equal(Path.Combine(clips, "batch_output"), batch.GetProperty("output").GetString());
        var jobs = batch.GetProperty("jobs").EnumerateArray().ToList();
        Assert.Equal(["clip1.mp4", "clip2.mp4", "clip3.mp4"], jobs.Select(job => job.GetProperty("input_name").GetString()));
        Assert.All(jobs, job => Assert.Equal(("succeeded", "fast_draft", JsonValueKind.Null), (job.GetProperty("state").GetString(), job.GetProperty("preset").GetString(), job.GetProperty("error").ValueKind)));
        Assert.All(jobs, job => Assert.True(File.Exists(job.GetProperty("output").GetString())));

        var list = await TestMedia.GetJsonAsync(server.Client, "/api/batches");
        var listed = list.GetProperty("batches").EnumerateArray().Single(item => item.GetProperty("id").GetString() == id);
        Assert.Equal(("completed", 3, 3, 0), (listed.GetProperty("state").GetString(), listed.GetProperty("counts").GetProperty("succeeded").GetInt32(),
            listed.GetProperty("counts").GetProperty("total").GetInt32(), listed.GetProperty("counts").GetProperty("failed").GetInt32()));

        // The worker that closes the batch writes the report just after: it may take a moment longer.
        var report = await server.Client.GetAsync(new Uri($"/api/batches/{id}/report", UriKind.Relative));
        for (var tries = 0; report.StatusCode == HttpStatusCode.NotFound && tries < 40; tries++)
        {
            report.Dispose();
            await Task.Delay(250);
            report = await server.Client.GetAsync(new Uri($"/api/batches/{id}/report", UriKind.Relative));
        }

        using var written = report;
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("text/html", report.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await report.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var metrics = await server.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("spool_jobs{state=\"succeeded\"} 3", metrics, StringComparison.Ordinal);
        Assert.Contains("spool_job_duration_seconds_count 3", metrics, StringComparison.Ordinal);
    }

    private async Task<JsonElement> WaitForStateAsync(string id, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement batch;
        do
        {
            await Task.Delay(250);
            batch = await TestMedia.GetJsonAsync(server.Client, $"/api/batches/{id}");
        }
        while (batch.GetProperty("state").GetString() != state && DateTime.UtcNow < deadline);

        Assert.True(batch.GetProperty("state").GetString() == state, batch.ToString() + server.Errors);
        return batch;
    }
}
