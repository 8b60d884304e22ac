using System.Text.Json;
using Spool.Core.Storage.Sqlite;

namespace Spool.Cli.Tests;

/// <summary>spool submit stores the batch's own limits with it, for whichever worker runs it.</summary>
public sealed class SubmitOptionsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-submit-" + Guid.NewGuid().ToString("N"));

    public SubmitOptionsTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Submit_stores_max_concurrent_the_strategy_and_its_thresholds()
    {
        var options = await SubmitAsync("--max-concurrent", "3", "--parallel-strategy", "smart", "--cpu-threshold", "10", "--memory-threshold", "70", "--max-memory", "4", "--stall-timeout", "33");

        Assert.Equal(3, options.GetProperty("max_concurrent").GetInt32());
        Assert.Equal("smart", options.GetProperty("parallel_strategy").GetString());
        Assert.Equal(10, options.GetProperty("cpu_threshold").GetDouble());
        Assert.Equal(70, options.GetProperty("memory_threshold").GetDouble());
        Assert.Equal(4, options.GetProperty("max_memory_gb").GetDouble());
        Assert.Equal(33, options.GetProperty("stall_timeout_seconds").GetDouble());
    }

    [Fact]
    public async Task A_sequential_batch_is_limited_to_one_work_item()
    {
        var options = await SubmitAsync("--parallel-strategy", "sequential");

        Assert.Equal(1, options.GetProperty("max_concurrent").GetInt32());
        Assert.Equal("sequential", options.GetProperty("parallel_strategy").GetString());
    }

    [Theory]
    [InlineData("--parallel-strategy", "sequential", "--max-concurrent", "4")]
    [InlineData("--parallel-strategy", "fixed", "--cpu-threshold", "50")]
    [InlineData("--memory-threshold", "50", "--max-memory", "8")]
    public async Task Flags_the_strategy_would_ignore_are_usage_errors(params string[] flags)
    {
        var clip = Path.Combine(_folder, "clip.mp4");
        await CliMedia.ClipAsync(clip);

        Assert.Equal(2, await SpoolApp.RunAsync(["submit", clip, "--store", Path.Combine(_folder, "spool.db"), "--output", Path.Combine(_folder, "out"), .. flags]));
        Assert.False(File.Exists(Path.Combine(_folder, "spool.db")));
    }

    [Fact]
    public async Task Without_max_concurrent_a_submitted_batch_leaves_the_limit_to_its_workers()
    {
        var options = await SubmitAsync();

        Assert.Equal(JsonValueKind.Null, options.GetProperty("max_concurrent").ValueKind);
        Assert.Equal("fixed", options.GetProperty("parallel_strategy").GetString());
        Assert.Equal(JsonValueKind.Null, options.GetProperty("cpu_threshold").ValueKind);
    }

    private async Task<JsonElement> SubmitAsync(params string[] flags)
    {
        var clip = Path.Combine(_folder, "clip.mp4");
        if (!File.Exists(clip))
        {
            await CliMedia.ClipAsync(clip);
        }

        var db = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db");
        Assert.Equal(0, await SpoolApp.RunAsync(["submit", clip, "--store", db, "--output", Path.Combine(_folder, "out"), .. flags]));
        await using var store = new SqliteJobStore(db);
        var batch = Assert.Single(await store.ListBatchesAsync(CancellationToken.None));
        return JsonDocument.Parse(batch.OptionsJson).RootElement.Clone();
    }
}
