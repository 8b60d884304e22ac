using System.Net;
using System.Text.Json;

namespace Spool.Web.Tests;

/// <summary>
/// serve --root: a submission may read and write only inside the roots, judged on the real path (symlinks resolved)
/// and by whole path segments. Every refusal is a 400 naming the field, and nothing is stored.
/// </summary>
public sealed class RootTests(RootedServer server) : IClassFixture<RootedServer>
{
    private const string Outside = "is outside the folders this server may use (--root";

    [Fact]
    public async Task An_input_outside_every_root_is_refused_naming_the_field()
    {
        var outside = Folder("outside");
        File.WriteAllBytes(Path.Combine(outside, "secret.mp4"), []);

        var errors = await RefusedAsync(new { inputs = new[] { Path.Combine(outside, "secret.mp4") }, output = Path.Combine(server.Root, "out") });

        Assert.Equal(["inputs"], errors.EnumerateObject().Select(field => field.Name));
        Assert.StartsWith($"'{Path.Combine(outside, "secret.mp4")}' {Outside}", errors.GetProperty("inputs")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_that_only_shares_the_roots_name_as_a_prefix_is_outside()
    {
        var sibling = Directory.CreateDirectory(server.Root + "-evil").FullName;
        File.WriteAllBytes(Path.Combine(sibling, "a.mp4"), []);

        var errors = await RefusedAsync(new { inputs = new[] { sibling }, output = Path.Combine(server.Root, "out") });

        Assert.StartsWith($"'{sibling}' {Outside}", errors.GetProperty("inputs")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_symlink_inside_a_root_to_a_file_outside_is_refused_named_or_found_in_a_folder()
    {
        var outside = Folder("outside-link");
        File.WriteAllBytes(Path.Combine(outside, "secret.mp4"), []);
        var inside = Directory.CreateDirectory(Path.Combine(server.Root, "links-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var link = Path.Combine(inside, "innocent.mp4");
        File.CreateSymbolicLink(link, Path.Combine(outside, "secret.mp4"));

        var named = await RefusedAsync(new { inputs = new[] { link }, output = Path.Combine(server.Root, "out") });
        var scanned = await RefusedAsync(new { inputs = new[] { inside }, output = Path.Combine(server.Root, "out") });

        Assert.StartsWith($"'{link}' {Outside}", named.GetProperty("inputs")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith($"'{link}' {Outside}", scanned.GetProperty("inputs")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_output_outside_every_root_is_refused_even_through_a_symlinked_folder()
    {
        var clips = await TestMedia.ClipsAsync(server.Root, 1);
        var outside = Folder("outside-out");
        var linked = Path.Combine(server.Root, "out-link-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateSymbolicLink(linked, outside);

        var direct = await RefusedAsync(new { inputs = new[] { clips }, output = Path.Combine(outside, "out") });
        var through = await RefusedAsync(new { inputs = new[] { clips }, output = Path.Combine(linked, "not", "yet") });

        Assert.Equal(["output"], direct.EnumerateObject().Select(field => field.Name));
        Assert.StartsWith($"'{Path.Combine(outside, "out")}' {Outside}", direct.GetProperty("output")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith($"'{Path.Combine(linked, "not", "yet")}' {Outside}", through.GetProperty("output")[0].GetString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(outside, "out")));
    }

    [Fact]
    public async Task The_default_output_beside_an_input_in_a_root_is_inside_and_accepted()
    {
        var clips = await TestMedia.ClipsAsync(server.Root, 1);

        using var response = await TestMedia.PostJsonAsync(server.Client, "/api/batches", new { inputs = new[] { clips }, qc = "off" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_pattern_that_climbs_out_of_the_input_folder_is_refused()
    {
        var clips = await TestMedia.ClipsAsync(server.Root, 1);

        var errors = await RefusedAsync(new { inputs = new[] { clips }, pattern = "../*/*.mp4", output = Path.Combine(server.Root, "out") });

        Assert.Equal(["pattern"], errors.EnumerateObject().Select(field => field.Name));
    }

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(server.Folder, name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    private async Task<JsonElement> RefusedAsync(object body)
    {
        var before = (await server.Store.ListBatchesAsync(CancellationToken.None)).Count;
        using var response = await TestMedia.PostJsonAsync(server.Client, "/api/batches", body);
        var json = await TestMedia.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, json.ToString());
        Assert.Equal(before, (await server.Store.ListBatchesAsync(CancellationToken.None)).Count);
        return json.GetProperty("errors");
    }
}
