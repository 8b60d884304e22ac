using Spool.Core.Discovery;
using Spool.Core.Operations;
using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Core.Queue;
using Spool.Core.Storage.Sqlite;
using Spool.Core.Tests.Queue;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Operations;

/// <summary>
/// A batch's admission through a real worker pool, with the machine's load swapped for a fixed one: deterministic
/// where a busy machine is not. Step jobs' progress reaches the observer under the step's own name.
/// </summary>
public sealed class AdmissionRunTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-admission-" + Guid.NewGuid().ToString("N"));

    public AdmissionRunTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task An_adaptive_batch_on_a_busy_machine_runs_one_work_item_at_a_time_on_a_worker_with_two_slots()
    {
        var events = await RunAsync(new BatchAdmission(ParallelStrategy.Adaptive, null, 10, 85, null), new FixedSampler(new SystemSample(100, 16L << 30, 4L << 30)));

        Assert.Equal(["start", "finish", "start", "finish", "start", "finish"], events.Select(e => e.Split(' ')[0]));
    }

    [Fact]
    public async Task An_adaptive_batch_on_a_calm_machine_fills_the_workers_slots()
    {
        var events = await RunAsync(new BatchAdmission(ParallelStrategy.Adaptive, null, 10, 85, null), new FixedSampler(new SystemSample(5, 16L << 30, 4L << 30)));

        Assert.Equal(["start", "start"], events.Take(2).Select(e => e.Split(' ')[0]));
    }

    [Fact]
    public async Task Each_step_job_reports_its_own_progress_under_its_name()
    {
        var clip = await TestClips.MakeAsync(_folder, "clip.mp4", 2);
        var settings = Settings(BatchAdmission.Unlimited) with { Operations = new OperationSettings { Thumbnails = 2, Hls = true, HlsLadder = "360" } };

        var events = (await RunAsync([clip], settings, new FixedSampler(new SystemSample(null, null, null)))).ToList();

        Assert.Equal(["step thumbnails 0.5", "step thumbnails 1"], events.Where(e => e.StartsWith("step thumbnails", StringComparison.Ordinal)));
        var hls = events.Where(e => e.StartsWith("step hls", StringComparison.Ordinal)).ToList();
        Assert.Equal("step hls 1", hls[^1]);
        Assert.True(hls.Count >= 2, string.Join('\n', events));
        Assert.True(events.IndexOf("step hls 1") < events.IndexOf("finish clip.mp4 hls"), string.Join('\n', events));
    }

    private BatchSettings Settings(BatchAdmission admission) =>
        new([PresetCatalog.BuiltIn.Find("fast_draft")!], PlanOptions.Default, Path.Combine(_folder, "out"), 2, ErrorHandling.Continue, 2) { Qc = null, Admission = admission };

    private async Task<IReadOnlyList<string>> RunAsync(BatchAdmission admission, ISystemSampler sampler)
    {
        var first = await TestClips.MakeAsync(_folder, "clip1.mp4", 1);
        var inputs = new List<string> { first };
        foreach (var name in new[] { "clip2.mp4", "clip3.mp4" })
        {
            File.Copy(first, Path.Combine(_folder, name));
            inputs.Add(Path.Combine(_folder, name));
        }

        return await RunAsync(inputs, Settings(admission), sampler);
    }

    private async Task<IReadOnlyList<string>> RunAsync(IReadOnlyList<string> paths, BatchSettings settings, ISystemSampler sampler)
    {
        await using var store = new SqliteJobStore(Path.Combine(_folder, "spool.db"));
        await store.MigrateAsync(CancellationToken.None);
        var runner = new ProcessRunner();
        var inputs = InputDiscovery.Discover(new DiscoveryRequest(paths, false, null, _folder));
        await new BatchSubmitter(store, new Prober(runner, "ffprobe")).SubmitAsync("batch_admission", inputs, settings, BatchPriority.Normal, 0, CancellationToken.None);
        var observer = new RecordingObserver();
        var options = new WorkerOptions(2, 2, CanToneMap: true) { BatchId = "batch_admission", Sampler = sampler, PollInterval = TimeSpan.FromMilliseconds(50) };
        await new WorkerPool(store, runner, MediaTools.FromPath, observer, TimeProvider.System, ProcessIdentity.Current("test")).RunAsync(options, CancellationToken.None);
        Assert.All(await store.GetJobsAsync("batch_admission", CancellationToken.None), job => Assert.Equal(JobState.Succeeded, job.State));
        return observer.Events;
    }
}
