using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Spool.Web.Tests;

/// <summary>
/// Issue 11: POST /api/batches takes every option group the CLI has (subtitles, colour, exports, HLS ladder,
/// thresholds) and stores each with the batch as `spool submit` would; a value out of its group's rules is a 400.
/// </summary>
public sealed class SubmitOptionGroupTests(IdleServer server) : IClassFixture<IdleServer>
{
    [Fact]
    public async Task Subtitles_with_their_transcriber_are_stored()
    {
        var options = await StoredOptionsAsync("subs", new JsonObject
        {
            ["subtitles"] = "burn",
            ["transcriber"] = "openai",
            ["transcriber_url"] = "http://127.0.0.1:9/v1",
            ["language"] = "de",
        });

        var operations = options.GetProperty("operations");
        Assert.Equal(("burn", "openai", "http://127.0.0.1:9/v1", "de"), (operations.GetProperty("subtitles").GetString(),
            operations.GetProperty("transcriber").GetString(), operations.GetProperty("transcriber_url").GetString(), operations.GetProperty("language").GetString()));
    }

    [Fact]
    public async Task Colour_settings_and_the_other_filters_are_stored()
    {
        var options = await StoredOptionsAsync("color", new JsonObject
        {
            ["color"] = "brightness=0.05:contrast=1.1",
            ["stabilize"] = true,
            ["denoise_video"] = true,
            ["denoise_audio"] = true,
        });

        var operations = options.GetProperty("operations");
        Assert.Equal(("brightness=0.05:contrast=1.1", true, true, true), (operations.GetProperty("color").GetString(),
            operations.GetProperty("stabilize").GetBoolean(), operations.GetProperty("denoise_video").GetBoolean(), operations.GetProperty("denoise_audio").GetBoolean()));
    }

    [Fact]
    public async Task Exports_become_the_platform_presets()
    {
        var options = await StoredOptionsAsync("export", new JsonObject { ["presets"] = new JsonArray("fast_draft"), ["export"] = "youtube,tiktok" });

        var presets = options.GetProperty("presets").EnumerateArray().Select(preset => preset.GetProperty("name").GetString()).ToList();
        Assert.Equal(["fast_draft", "youtube", "tiktok"], presets);
    }

    [Fact]
    public async Task An_hls_ladder_with_thumbnails_and_sprite_is_stored()
    {
        var options = await StoredOptionsAsync("hls", new JsonObject { ["hls_ladder"] = "720,360", ["thumbnails"] = 3, ["sprite"] = true });

        var operations = options.GetProperty("operations");
        Assert.Equal((true, "720,360", 3, true), (operations.GetProperty("hls").GetBoolean(), operations.GetProperty("hls_ladder").GetString(),
            operations.GetProperty("thumbnails").GetInt32(), operations.GetProperty("sprite").GetBoolean()));
    }

    [Fact]
    public async Task Admission_thresholds_are_stored()
    {
        var options = await StoredOptionsAsync("thresholds", new JsonObject
        {
            ["parallel_strategy"] = "smart",
            ["cpu_threshold"] = 60,
            ["memory_threshold"] = 75,
            ["max_memory"] = 4,
        });

        Assert.Equal(("smart", 60.0, 75.0, 4.0), (options.GetProperty("parallel_strategy").GetString(), options.GetProperty("cpu_threshold").GetDouble(),
            options.GetProperty("memory_threshold").GetDouble(), options.GetProperty("max_memory_gb").GetDouble()));
    }

    [Theory]
    [InlineData("subtitles", "\"captions\"")]
    [InlineData("color", "\"brightness=9\"")]
    [InlineData("export", "\"myspace\"")]
    [InlineData("hls_ladder", "\"999\"")]
    [InlineData("memory_threshold", "150")]
    public async Task A_bad_value_of_each_group_is_a_400_naming_its_field(string field, string json)
    {
        var body = new JsonObject { ["inputs"] = new JsonArray(server.Folder), [field] = JsonNode.Parse(json) };

        using var response = await TestMedia.PostJsonAsync(server.Client, "/api/batches", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await TestMedia.JsonAsync(response)).GetProperty("errors");
        Assert.Contains(field, errors.EnumerateObject().Select(error => error.Name));
    }

    private async Task<JsonElement> StoredOptionsAsync(string name, JsonObject fields)
    {
        var clips = await TestMedia.ClipsAsync(server.Folder, 1);
        fields["inputs"] = new JsonArray(clips);
        fields["output"] = Path.Combine(server.Folder, "out-group-" + name);
        using var response = await TestMedia.PostJsonAsync(server.Client, "/api/batches", fields);
        var answer = await TestMedia.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, answer.ToString());
        var batch = await server.Store.GetBatchAsync(answer.GetProperty("id").GetString()!, CancellationToken.None);
        return JsonDocument.Parse(batch!.OptionsJson).RootElement.Clone();
    }
}
