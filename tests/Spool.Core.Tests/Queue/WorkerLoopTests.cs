using Spool.Core.Discovery;
using Spool.Core.Operations;
using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Core.Queue;
using Spool.Core.Storage;
using Spool.Core.Storage.Sqlite;
using Spool.Core.Tests.Operations;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Queue;

/// <summary>
/// Issue 10.3: the worker loop never drops a failure. A store that fails on its Nth call (as a locked or unreachable
/// database does) must leave every job failed, released or succeeded, never "running" with nobody behind it; the
/// loop waits for its running work however it ends; refused fenced writes are logged with the job and its token.
/// </summary>
public sealed class WorkerLoopTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-loop-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingObserver _observer = new();

    public WorkerLoopTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_work_item_whose_result_the_store_fails_to_take_is_recorded_and_the_worker_goes_on()
    {
        var broken = Path.Combine(_folder, "broken.mp4");
        await File.WriteAllBytesAsync(broken, new byte[4096]);
        var good = await ClipAsync("good.mp4");
        await using var inner = await StoreAsync([broken, good], "web_optimized");
        var store = FaultyStore.Wrap(inner, (method, call) => method == nameof(IJobStore.CompleteAsync) && call == 1 ? StoreFault.Throw : StoreFault.None);

        await Pool(store).RunAsync(Options(), CancellationToken.None);

        var jobs = await inner.GetJobsAsync("batch_test", CancellationToken.None);
        Assert.Equal([JobState.Failed, JobState.Succeeded], jobs.Select(job => job.State));
        Assert.NotNull(jobs[0].Result?.Error);
        Assert.Contains(_observer.Warnings, warning => warning.Contains("broken.mp4", StringComparison.Ordinal) && warning.Contains("injected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_store_that_keeps_failing_ends_the_loop_only_after_its_running_work_finished()
    {
        string[] clips = [await ClipAsync("first.mp4"), await ClipAsync("second.mp4", seconds: 6), await ClipAsync("third.mp4")];
        await using var inner = await StoreAsync(clips, "web_optimized", strategy: ParallelStrategy.Fixed);
        var store = FaultyStore.Wrap(inner, (method, call) => method == nameof(IJobStore.ClaimNextAsync) && call > 2 ? StoreFault.Throw : StoreFault.None);

        var options = new WorkerOptions(2, 2, CanToneMap: true) { BatchId = "batch_test", PollInterval = TimeSpan.FromMilliseconds(20) };
        await Assert.ThrowsAsync<InvalidOperationException>(() => Pool(store).RunAsync(options, CancellationToken.None));

        var jobs = await inner.GetJobsAsync("batch_test", CancellationToken.None);
        Assert.Equal([JobState.Succeeded, JobState.Succeeded, JobState.Queued], jobs.Select(job => job.State));
        Assert.All(jobs.Take(2), job => Assert.True(File.Exists(job.Result!.Output)));
        Assert.Equal(WorkerPool.StoreFailuresTolerated, _observer.Warnings.Count(warning => warning.Contains("the job store failed", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_refused_completion_is_logged_with_the_job_and_its_lease_token()
    {
        var broken = Path.Combine(_folder, "broken.mp4");
        await File.WriteAllBytesAsync(broken, new byte[4096]);
        await using var inner = await StoreAsync([broken], "web_optimized");
        var store = FaultyStore.Wrap(inner, (method, _) => method == nameof(IJobStore.CompleteAsync) ? StoreFault.Refuse : StoreFault.None);

        await Pool(store).RunAsync(Options(), CancellationToken.None);

        var job = Assert.Single(await inner.GetJobsAsync("batch_test", CancellationToken.None));
        var warning = Assert.Single(_observer.Warnings, w => w.Contains("refused", StringComparison.Ordinal));
        Assert.Contains($"job {job.Id} (web_optimized)", warning, StringComparison.Ordinal);
        Assert.Contains($"lease token {job.LeaseToken}", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_whose_lease_is_lost_does_not_run_ffmpeg_again()
    {
        var clip = await ClipAsync("slow.mp4", seconds: 30);
        await using var inner = await StoreAsync([clip], "high_quality", retryCount: 2, timeout: TimeSpan.FromSeconds(1));
        var store = FaultyStore.Wrap(inner, (method, _) => method == nameof(IJobStore.EndRetryWaitAsync) ? StoreFault.Refuse : StoreFault.None);
        var runner = new CountingRunner(new ProcessRunner());

        await Pool(store, runner).RunAsync(Options(), CancellationToken.None);

        Assert.Equal(1, runner.Encodes);
        Assert.Contains(_observer.Warnings, warning => warning.Contains("end of the retry wait", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Success_is_recorded_only_once_the_output_is_in_place_under_its_final_name()
    {
        var clip = await ClipAsync("clip.mp4");
        var final = Path.Combine(_folder, "out", "clip", "video", "clip_web_optimized.mp4");
        var placedWhenRecorded = new List<bool>();
        await using var inner = await StoreAsync([clip], "web_optimized");
        var store = FaultyStore.Wrap(inner, (method, _) =>
        {
            if (method == nameof(IJobStore.CompleteAsync))
            {
                lock (placedWhenRecorded)
                {
                    placedWhenRecorded.Add(File.Exists(final) && !Directory.EnumerateFiles(Path.GetDirectoryName(final)!, "*.partial*").Any());
                }
            }

            return StoreFault.None;
        });

        await Pool(store).RunAsync(Options(), CancellationToken.None);

        Assert.Equal([true], placedWhenRecorded);
        Assert.Equal(JobState.Succeeded, Assert.Single(await inner.GetJobsAsync("batch_test", CancellationToken.None)).State);
    }

    private WorkerPool Pool(IJobStore store, IProcessRunner? runner = null) =>
        new(store, runner ?? new ProcessRunner(), MediaTools.FromPath, _observer, TimeProvider.System, ProcessIdentity.Current("test"));

    private static WorkerOptions Options() =>
        new(1, 2, CanToneMap: true) { BatchId = "batch_test", RetryDelay = TimeSpan.FromMilliseconds(50), PollInterval = TimeSpan.FromMilliseconds(100) };

    // Sequential unless told otherwise: the inputs run in the order given, so "the first store call" is a known job's.
    private async Task<SqliteJobStore> StoreAsync(IReadOnlyList<string> paths, string preset, int retryCount = 0, TimeSpan? timeout = null, ParallelStrategy strategy = ParallelStrategy.Sequential)
    {
        var store = new SqliteJobStore(Path.Combine(_folder, "spool.db"));
        await store.MigrateAsync(CancellationToken.None);
        var settings = new BatchSettings([PresetCatalog.BuiltIn.Find(preset)!], PlanOptions.Default, Path.Combine(_folder, "out"), 1, ErrorHandling.Continue, 2)
        {
            Timeout = timeout,
            Admission = BatchAdmission.Unlimited with { Strategy = strategy },
        };
        var inputs = InputDiscovery.Discover(new DiscoveryRequest(paths, false, null, Path.GetTempPath()));
        await new BatchSubmitter(store, new Prober(new ProcessRunner(), "ffprobe"))
            .SubmitAsync("batch_test", inputs, settings, BatchPriority.Normal, retryCount, CancellationToken.None);
        return store;
    }

    private Task<string> ClipAsync(string name, double seconds = 1) => TestClips.MakeAsync(_folder, name, seconds);

    /// <summary>Counts the encodes (ffmpeg runs that write an output with libx264).</summary>
    private sealed class CountingRunner(IProcessRunner inner) : IProcessRunner
    {
        private int _encodes;

        public int Encodes => Volatile.Read(ref _encodes);

        public Task<ProcessResult> RunAsync(ProcessRequest request, IProgress<FfmpegProgress>? progress, CancellationToken cancellationToken)
        {
            if (request.Arguments.Contains("libx264"))
            {
                Interlocked.Increment(ref _encodes);
            }

            return inner.RunAsync(request, progress, cancellationToken);
        }
    }
}
