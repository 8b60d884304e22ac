using System.Net;

namespace Spool.Web.Tests;

/// <summary>/api/events is a text/event-stream that reports a batch's jobs and counts while it runs.</summary>
public sealed class EventStreamTests(WorkingServer server) : IClassFixture<WorkingServer>
{
    [Fact]
    public async Task A_running_batch_is_reported_on_the_event_stream()
    {
        var clips = await TestMedia.ClipsAsync(server.Folder, 1);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await server.Client.GetAsync(new Uri("/api/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal("retry: 2000", await reader.ReadLineAsync(timeout.Token));
        Assert.Equal(": connected", await reader.ReadLineAsync(timeout.Token));

        // Quick QC keeps the job running for more than one poll of the store, so its job events are seen.
        using var posted = await TestMedia.PostJsonAsync(server.Client, "/api/batches", new { inputs = new[] { clips }, presets = new[] { "fast_draft" }, qc = "quick" });
        var id = (await TestMedia.JsonAsync(posted)).GetProperty("id").GetString()!;

        var seen = new List<(string Event, string Data)>();
        while (!seen.Any(item => item.Event == "batch" && item.Data.Contains("\"state\":\"completed\"", StringComparison.Ordinal)))
        {
            var line = await reader.ReadLineAsync(timeout.Token);
            if (line?.StartsWith("event: ", StringComparison.Ordinal) == true)
            {
                seen.Add((line["event: ".Length..], (await reader.ReadLineAsync(timeout.Token))!));
            }
        }

        Assert.Contains(seen, item => item.Event == "batch" && item.Data.Contains($"\"id\":\"{id}\"", StringComparison.Ordinal));
        Assert.Contains(seen, item => item.Event == "job" && item.Data.Contains($"\"batch_id\":\"{id}\"", StringComparison.Ordinal)
            && item.Data.Contains("\"input_name\":\"clip1.mp4\"", StringComparison.Ordinal));
    }
}
