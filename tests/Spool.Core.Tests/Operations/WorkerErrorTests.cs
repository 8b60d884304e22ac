using Spool.Core.Discovery;
using Spool.Core.Operations;
using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Core.Queue;
using Spool.Core.Storage.Sqlite;
using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Operations;

/// <summary>
/// Issue 10: failures of the machine, not the input, get their own categories through the whole engine: an output
/// folder that cannot be made is output_unwritable (it was input_missing), and an ffmpeg that cannot start is a
/// permanent error tried once (it was ffmpeg_failed, retried).
/// </summary>
public sealed class WorkerErrorTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-worker-errors-" + Guid.NewGuid().ToString("N"));

    public WorkerErrorTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Output_folder_under_a_regular_file_fails_as_output_unwritable_with_a_hint()
    {
        var clip = await ClipAsync("clip.mp4");
        var blocker = Path.Combine(_folder, "blocker");
        await File.WriteAllTextAsync(blocker, "a file where the output folder should be");

        var batch = await RunAsync(clip, Path.Combine(blocker, "out"), MediaTools.FromPath, retryCount: 2);

        var job = Assert.Single(batch.Jobs);
        Assert.Equal((JobStatus.Failed, "output_unwritable", 1), (job.Status, job.Error!.Category.ToWireName(), job.Attempts));
        Assert.Contains(Path.Combine(blocker, "out"), job.Error.Message, StringComparison.Ordinal);
        Assert.Equal(job.Error.Category.DefaultHint(), job.Error.Hint);
        Assert.Contains("--output", job.Error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_ffmpeg_fails_the_job_once_with_a_permanent_error_naming_the_program()
    {
        var clip = await ClipAsync("clip.mp4");
        var missing = Path.Combine(_folder, "no-such-ffmpeg");

        var batch = await RunAsync(clip, Path.Combine(_folder, "out"), new MediaTools(missing, "ffprobe"), retryCount: 2);

        var job = Assert.Single(batch.Jobs);
        Assert.Equal((JobStatus.Failed, "encoder_unavailable", 1), (job.Status, job.Error!.Category.ToWireName(), job.Attempts));
        Assert.StartsWith($"no-such-ffmpeg could not be started: Cannot start '{missing}'", job.Error.Message, StringComparison.Ordinal);
        Assert.Contains("Install ffmpeg", job.Error.Hint, StringComparison.Ordinal);
    }

    private async Task<BatchResult> RunAsync(string clip, string output, MediaTools tools, int retryCount)
    {
        var settings = new BatchSettings([PresetCatalog.BuiltIn.Find("fast_draft")!], PlanOptions.Default, output, 1, ErrorHandling.Continue, 2);
        var inputs = InputDiscovery.Discover(new DiscoveryRequest([clip], false, null, _folder));
        await using var store = new SqliteJobStore(Path.Combine(_folder, "spool.db"));
        await store.MigrateAsync(CancellationToken.None);
        var runner = new ProcessRunner();
        await new BatchSubmitter(store, new Prober(runner, "ffprobe"))
            .SubmitAsync("batch_test", inputs, settings, BatchPriority.Normal, retryCount, CancellationToken.None);
        var options = new WorkerOptions(1, 2, CanToneMap: true) { BatchId = "batch_test", RetryDelay = TimeSpan.FromMilliseconds(50) };
        await new WorkerPool(store, runner, tools, new SilentObserver(), TimeProvider.System, ProcessIdentity.Current("test")).RunAsync(options, CancellationToken.None);
        return (await StoredBatches.LoadAsync(store, "batch_test", TimeProvider.System, CancellationToken.None))!;
    }

    private Task<string> ClipAsync(string name) => TestClips.MakeAsync(_folder, name, 1);
}
