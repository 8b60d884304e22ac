using Spool.Core.Discovery;
using Spool.Core.Operations;
using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Core.Queue;
using Spool.Core.Storage.Sqlite;
using Spool.Core.Tests.Operations;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Queue;

/// <summary>
/// Threads are a budget: the cores are shared among the work items that run at once, so a batch with fewer items
/// left than slots (a single file, the tail of a batch) starts them with the idle slots' threads.
/// </summary>
public sealed class TailThreadsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-tail-" + Guid.NewGuid().ToString("N"));

    public TailThreadsTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_lone_input_on_two_slots_of_two_cores_encodes_with_both_cores()
    {
        Assert.Equal(["3"], await EncoderThreadsAsync(clips: 1));
    }

    [Fact]
    public async Task Three_inputs_on_two_slots_share_the_cores_one_thread_each()
    {
        Assert.Equal(["1", "1", "1"], await EncoderThreadsAsync(clips: 3));
    }

    [Fact]
    public async Task A_lone_input_of_the_batch_a_worker_serves_takes_both_cores_whatever_other_batches_have_queued()
    {
        Assert.Equal(["3"], await EncoderThreadsAsync(clips: 1, otherBatchClips: 3));
    }

    private async Task<IReadOnlyList<string>> EncoderThreadsAsync(int clips, int otherBatchClips = 0)
    {
        var paths = new List<string>();
        for (var i = 0; i < clips; i++)
        {
            paths.Add(await TestClips.MakeAsync(_folder, $"clip{i}.mp4", 1));
        }

        var settings = new BatchSettings([PresetCatalog.BuiltIn.Find("fast_draft")!], PlanOptions.Default, Path.Combine(_folder, "out"), 2, ErrorHandling.Continue, 2) { Qc = null };
        var runner = new RecordingRunner(new ProcessRunner());
        await using var store = new SqliteJobStore(Path.Combine(_folder, "spool.db"));
        await store.MigrateAsync(CancellationToken.None);
        var inputs = InputDiscovery.Discover(new DiscoveryRequest(paths, false, null, _folder));
        await new BatchSubmitter(store, new Prober(runner, "ffprobe")).SubmitAsync("batch_tail", inputs, settings, BatchPriority.Normal, 0, CancellationToken.None);
        if (otherBatchClips > 0)
        {
            // Another batch waits in the store (its own worker will take it): this worker serves batch_tail alone.
            var others = Enumerable.Range(0, otherBatchClips).Select(i => new DiscoveredInput(Path.Combine(_folder, $"other{i}.mp4"), $"other{i}")).ToList();
            await new BatchSubmitter(store, new Prober(runner, "ffprobe")).SubmitAsync("batch_other", others, settings with { OutputDirectory = Path.Combine(_folder, "other") }, BatchPriority.Normal, 0, CancellationToken.None);
        }

        var options = new WorkerOptions(2, 2, CanToneMap: true) { BatchId = "batch_tail" };
        await new WorkerPool(store, runner, MediaTools.FromPath, new SilentObserver(), TimeProvider.System, ProcessIdentity.Current("test")).RunAsync(options, CancellationToken.None);
        Assert.All(await store.GetJobsAsync("batch_tail", CancellationToken.None), job => Assert.Equal(JobState.Succeeded, job.State));

        // The encoder's own -threads (after -c:v libx264) of every encode: both cores are 3 x264 threads (1.5 a core).
        return [.. runner.Requests
            .Where(request => request.Arguments.Contains("libx264"))
            .Select(request => request.Arguments[request.Arguments.ToList().IndexOf("-threads", request.Arguments.ToList().IndexOf("libx264")) + 1])];
    }
}
