using System.Net;
using System.Text.Json;

namespace Spool.Web.Tests;

/// <summary>POST /api/batches answers 400 with a message per field, and stores nothing.</summary>
public sealed class SubmitValidationTests(IdleServer server) : IClassFixture<IdleServer>
{
    [Fact]
    public async Task Unknown_preset_is_named_with_the_known_ones()
    {
        var errors = await ErrorsAsync(new { inputs = new[] { server.Folder }, presets = new[] { "web_optimized", "nope" } });

        Assert.Equal(["presets"], errors.EnumerateObject().Select(field => field.Name));
        var message = errors.GetProperty("presets")[0].GetString()!;
        Assert.StartsWith("Unknown preset 'nope'. Known presets: auto, web_optimized,", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_inputs_missing_and_relative_paths_are_each_reported()
    {
        var none = await ErrorsAsync(new { presets = new[] { "auto" } });
        var missing = Path.Combine(server.Folder, "missing");
        var bad = await ErrorsAsync(new { inputs = new[] { missing, "relative/clips" } });

        Assert.Equal("Give at least one input: the absolute path of a folder or a video file.", none.GetProperty("inputs")[0].GetString());
        Assert.Equal([$"'{missing}' does not exist.", "'relative/clips' is not an absolute path."], bad.GetProperty("inputs").EnumerateArray().Select(item => item.GetString()));
    }

    [Fact]
    public async Task A_folder_without_videos_is_reported()
    {
        var empty = Directory.CreateDirectory(Path.Combine(server.Folder, "empty-" + Guid.NewGuid().ToString("N"))).FullName;

        var errors = await ErrorsAsync(new { inputs = new[] { empty } });

        Assert.StartsWith($"No video files found in {empty}", errors.GetProperty("inputs")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_choices_and_ranges_are_reported_together()
    {
        var errors = await ErrorsAsync(new { inputs = new[] { server.Folder }, priority = "asap", qc = "maybe", max_concurrent = 0, output = "out" });

        Assert.Equal(["max_concurrent", "output", "priority", "qc"], errors.EnumerateObject().Select(field => field.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_reported_under_its_field()
    {
        var errors = await ErrorsAsync(new { inputs = server.Folder });

        Assert.Equal(["inputs"], errors.EnumerateObject().Select(field => field.Name));
    }

    [Theory]
    [InlineData("../x/*")]
    [InlineData("clips/../../x/*.mp4")]
    [InlineData("/etc/*")]
    public async Task A_pattern_that_leaves_the_input_folder_is_refused(string pattern)
    {
        var errors = await ErrorsAsync(new { inputs = new[] { server.Folder }, pattern, output = Path.Combine(server.Folder, "out") });

        Assert.Equal(["pattern"], errors.EnumerateObject().Select(field => field.Name));
        Assert.Equal($"'{pattern}' must stay inside each input folder: no '..' and no leading '/'.", errors.GetProperty("pattern")[0].GetString());
    }

    private async Task<JsonElement> ErrorsAsync(object body)
    {
        using var response = await TestMedia.PostJsonAsync(server.Client, "/api/batches", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await TestMedia.JsonAsync(response)).GetProperty("errors");
        Assert.Empty(await server.Store.ListBatchesAsync(CancellationToken.None));
        return errors;
    }
}
