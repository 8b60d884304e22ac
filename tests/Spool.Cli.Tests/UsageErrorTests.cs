namespace Spool.Cli.Tests;

/// <summary>DESIGN.md: a usage or configuration error exits 2, before any work starts.</summary>
public sealed class UsageErrorTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-cli-" + Guid.NewGuid().ToString("N"));

    public UsageErrorTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllBytes(Path.Combine(_folder, "clip.mp4"), [1, 2, 3]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Process_without_paths_exits_2()
    {
        Assert.Equal(2, await SpoolApp.RunAsync(["process"]));
    }

    [Fact]
    public async Task Unknown_option_exits_2()
    {
        Assert.Equal(2, await SpoolApp.RunAsync(["process", _folder, "--no-such-flag"]));
    }

    [Fact]
    public async Task Unknown_preset_exits_2_before_any_output_is_made()
    {
        var output = Path.Combine(_folder, "out");
        Assert.Equal(2, await SpoolApp.RunAsync(["process", _folder, "--preset", "web_optimized,nope", "--output", output]));
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Error_handling_outside_its_values_exits_2()
    {
        Assert.Equal(2, await SpoolApp.RunAsync(["process", _folder, "--error-handling", "maybe"]));
    }

    [Fact]
    public async Task Zero_max_concurrent_exits_2()
    {
        Assert.Equal(2, await SpoolApp.RunAsync(["process", _folder, "--max-concurrent", "0"]));
    }

    [Theory]
    [InlineData("--max-concurrent", "lots")]
    [InlineData("--max-concurrent", "99999999999")]
    [InlineData("--retry-count", "x")]
    [InlineData("--timeout", "1e300")]
    [InlineData("--timeout", "NaN")]
    [InlineData("--stall-timeout", "0")]
    [InlineData("--cpu-threshold", "250")]
    public async Task A_number_that_is_not_one_or_out_of_range_exits_2(string flag, string value)
    {
        // Its own store and output: a check that let the value through must not touch the user's.
        string[] own = ["--store", Path.Combine(_folder, "spool.db"), "--output", Path.Combine(_folder, "out")];
        Assert.Equal(2, await SpoolApp.RunAsync(["process", _folder, .. own, flag, value]));
        Assert.Equal(2, await SpoolApp.RunAsync(["submit", _folder, .. own, flag, value]));
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("0")]
    [InlineData("99999999999")]
    public async Task A_worker_concurrency_that_is_not_a_positive_number_exits_2(string value)
    {
        var store = Path.Combine(_folder, "spool.db");
        Assert.Equal(2, await SpoolApp.RunAsync(["worker", "--drain", "--store", store, "--max-concurrent", value]));
    }

    [Fact]
    public async Task Folder_without_videos_exits_2()
    {
        var empty = Path.Combine(_folder, "empty");
        Directory.CreateDirectory(empty);
        Assert.Equal(2, await SpoolApp.RunAsync(["process", empty]));
    }

    [Fact]
    public async Task Missing_preset_file_exits_2()
    {
        Assert.Equal(2, await SpoolApp.RunAsync(["process", _folder, "--preset-file", Path.Combine(_folder, "none.yaml")]));
    }

    [Fact]
    public async Task Presets_lists_the_catalog_and_exits_0()
    {
        Assert.Equal(0, await SpoolApp.RunAsync(["presets"]));
        Assert.Equal(0, await SpoolApp.RunAsync(["presets", "tiktok"]));
        Assert.Equal(2, await SpoolApp.RunAsync(["presets", "nope"]));
    }
}
