using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Spool.Web.Tests;

/// <summary>Every option POST /api/batches accepts is stored with the batch, as <c>spool submit</c> stores its flags.</summary>
public sealed class SubmitOptionsTests(IdleServer server) : IClassFixture<IdleServer>
{
    [Fact]
    public async Task Every_option_of_a_submission_is_stored_with_its_batch()
    {
        var clips = await TestMedia.ClipsAsync(server.Folder, 1);
        var body = new JsonObject
        {
            ["inputs"] = new JsonArray(clips),
            ["presets"] = new JsonArray("web_optimized"),
            ["output"] = Path.Combine(server.Folder, "out-options"),
            ["max_concurrent"] = 3,
            ["parallel_strategy"] = "adaptive",
            ["cpu_threshold"] = 10,
            ["memory_threshold"] = 70,
            ["timeout_seconds"] = 600,
            ["stall_timeout_seconds"] = 33,
            ["retry_count"] = 2,
            ["qc"] = "full",
            ["qc_policy"] = "warn",
            ["qc_retry"] = true,
            ["validate"] = "thorough",
            ["normalize_audio"] = true,
            ["loudness"] = -23,
            ["true_peak"] = -2,
            ["lra"] = 7,
            ["color"] = "auto",
            ["hls_ladder"] = "360",
            ["subtitles"] = "sidecar",
            ["language"] = "en",
            ["chunk"] = "6",
        };

        var options = await StoredOptionsAsync(body);

        Assert.Equal(3, options.GetProperty("max_concurrent").GetInt32());
        Assert.Equal("adaptive", options.GetProperty("parallel_strategy").GetString());
        Assert.Equal(10, options.GetProperty("cpu_threshold").GetDouble());
        Assert.Equal(70, options.GetProperty("memory_threshold").GetDouble());
        Assert.Equal(600, options.GetProperty("timeout_seconds").GetDouble());
        Assert.Equal(33, options.GetProperty("stall_timeout_seconds").GetDouble());
        Assert.Equal(2, options.GetProperty("retry_count").GetInt32());
        Assert.Equal("full", options.GetProperty("qc").GetString());
        Assert.True(options.GetProperty("qc_warn_only").GetBoolean());
        Assert.True(options.GetProperty("qc_retry").GetBoolean());
        Assert.True(options.GetProperty("validate_thoroughly").GetBoolean());
        Assert.Equal("6", options.GetProperty("chunk").GetString());
        var operations = options.GetProperty("operations");
        Assert.Equal((true, -23.0, -2.0, 7.0), (operations.GetProperty("normalize_audio").GetBoolean(), operations.GetProperty("loudness").GetDouble(),
            operations.GetProperty("true_peak").GetDouble(), operations.GetProperty("loudness_range").GetDouble()));
        Assert.Equal(("auto", true, "360", "sidecar", "en"), (operations.GetProperty("color").GetString(), operations.GetProperty("hls").GetBoolean(),
            operations.GetProperty("hls_ladder").GetString(), operations.GetProperty("subtitles").GetString(), operations.GetProperty("language").GetString()));
    }

    [Fact]
    public async Task A_sequential_batch_is_stored_with_a_limit_of_one_work_item()
    {
        var clips = await TestMedia.ClipsAsync(server.Folder, 1);
        var body = new JsonObject { ["inputs"] = new JsonArray(clips), ["parallel_strategy"] = "sequential", ["output"] = Path.Combine(server.Folder, "out-seq") };

        var options = await StoredOptionsAsync(body);

        Assert.Equal(1, options.GetProperty("max_concurrent").GetInt32());
        Assert.Equal("sequential", options.GetProperty("parallel_strategy").GetString());
    }

    [Theory]
    [InlineData("timeout_seconds", 1e300)]
    [InlineData("stall_timeout_seconds", 0)]
    [InlineData("cpu_threshold", 250)]
    [InlineData("max_concurrent", 99999999999)]
    [InlineData("loudness", 3)]
    public async Task A_number_out_of_range_is_a_field_error(string field, double value)
    {
        var body = new JsonObject { ["inputs"] = new JsonArray(server.Folder), [field] = value };

        using var response = await TestMedia.PostJsonAsync(server.Client, "/api/batches", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await TestMedia.JsonAsync(response)).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(error => error.Name));
    }

    [Fact]
    public async Task An_option_the_api_does_not_know_is_a_field_error_not_dropped()
    {
        var body = new JsonObject { ["inputs"] = new JsonArray(server.Folder), ["stabilise"] = true };

        using var response = await TestMedia.PostJsonAsync(server.Client, "/api/batches", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await TestMedia.JsonAsync(response)).GetProperty("errors");
        Assert.Equal(["stabilise"], errors.EnumerateObject().Select(error => error.Name));
    }

    private async Task<JsonElement> StoredOptionsAsync(JsonObject body)
    {
        using var response = await TestMedia.PostJsonAsync(server.Client, "/api/batches", body);
        var answer = await TestMedia.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, answer.ToString());
        var batch = await server.Store.GetBatchAsync(answer.GetProperty("id").GetString()!, CancellationToken.None);
        return JsonDocument.Parse(batch!.OptionsJson).RootElement.Clone();
    }
}
