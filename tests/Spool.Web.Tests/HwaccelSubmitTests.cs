using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Spool.Web.Tests;

/// <summary>The API's "hwaccel" is the CLI's --hwaccel: stored with the batch, and an unknown word is a field error.</summary>
public sealed class HwaccelSubmitTests(IdleServer server) : IClassFixture<IdleServer>
{
    [Fact]
    public async Task A_submission_stores_its_hwaccel_choice()
    {
        var clips = await TestMedia.ClipsAsync(server.Folder, 1);
        var body = new JsonObject { ["inputs"] = new JsonArray(clips), ["output"] = Path.Combine(server.Folder, "out-hw"), ["hwaccel"] = "qsv" };

        using var response = await TestMedia.PostJsonAsync(server.Client, "/api/batches", body);
        var answer = await TestMedia.JsonAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var batch = await server.Store.GetBatchAsync(answer.GetProperty("id").GetString()!, CancellationToken.None);
        Assert.Equal("qsv", JsonDocument.Parse(batch!.OptionsJson).RootElement.GetProperty("hwaccel").GetString());
    }

    [Fact]
    public async Task An_unknown_hwaccel_is_an_error_of_its_field()
    {
        var body = new JsonObject { ["inputs"] = new JsonArray(server.Folder), ["hwaccel"] = "gpu" };

        using var response = await TestMedia.PostJsonAsync(server.Client, "/api/batches", body);
        var answer = await TestMedia.JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Unknown value 'gpu'; choose auto, none, cuda, vaapi, qsv."], answer.GetProperty("errors").GetProperty("hwaccel").EnumerateArray().Select(item => item.GetString()));
    }
}
