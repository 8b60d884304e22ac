using System.Net;

namespace Spool.Web.Tests;

/// <summary>/metrics in Prometheus' text format, the dashboard page and its scripts, presets and system.</summary>
public sealed class MetricsAndPageTests(IdleServer server) : IClassFixture<IdleServer>
{
    [Fact]
    public async Task Metrics_answer_in_prometheus_text_with_spool_series()
    {
        await server.Store.CreateBatchAsync(TestMedia.Batch("batch_metrics", 4), CancellationToken.None);

        using var response = await server.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("spool_jobs{state=\"queued\"} 4\n", text, StringComparison.Ordinal);
        Assert.Contains("spool_queue_depth 4\n", text, StringComparison.Ordinal);
        Assert.Contains("spool_batches{state=\"queued\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("spool_worker_utilization 0\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE spool_job_duration_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Contains("spool_job_duration_seconds_bucket{le=\"+Inf\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("spool_bytes_in_total 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_is_html_with_the_elements_the_tests_rely_on()
    {
        using var response = await server.Anonymous.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        foreach (var id in new[] { "id=\"batches\"", "id=\"jobs\"", "id=\"queue-status\"", "id=\"submit-form\"", "src=\"/app.js\"" })
        {
            Assert.Contains(id, html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/app.js", "text/javascript", "EventSource")]
    [InlineData("/render.js", "text/javascript", "data-batch-id")]
    [InlineData("/form.js", "text/javascript", "/api/batches")]
    [InlineData("/app.css", "text/css", ".batches li")]
    public async Task Scripts_and_styles_come_from_the_assembly(string path, string type, string content)
    {
        using var response = await server.Anonymous.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(content, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Presets_and_system_describe_what_the_form_and_panels_show()
    {
        var presets = await TestMedia.GetJsonAsync(server.Client, "/api/presets");
        var system = await TestMedia.GetJsonAsync(server.Client, "/api/system");

        Assert.Contains("fast_draft", presets.GetProperty("presets").EnumerateArray().Select(preset => preset.GetProperty("name").GetString()));
        Assert.True(system.GetProperty("memory").GetProperty("total_bytes").GetInt64() > 0);
        Assert.True(system.GetProperty("queue_depth").GetInt32() >= 0);
        Assert.Empty(system.GetProperty("workers").EnumerateArray());
        Assert.Equal(0, system.GetProperty("throughput").GetProperty("jobs_last_hour").GetInt32());
    }
}
