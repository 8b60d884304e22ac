using System.Text.Json;
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

/// <summary>The batch engine through the store, with real ffmpeg on clips made per test with lavfi.</summary>
public sealed class WorkerPoolTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-batch-" + Guid.NewGuid().ToString("N"));

    public WorkerPoolTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Preset Builtin(string name) => PresetCatalog.BuiltIn.Find(name)!;

    private Task<string> ClipAsync(string name, double seconds = 1) => TestClips.MakeAsync(_folder, name, seconds);

    private BatchSettings Settings(IReadOnlyList<Preset> presets, ErrorHandling handling = ErrorHandling.Continue, int concurrent = 1) =>
        new(presets, PlanOptions.Default, Path.Combine(_folder, "out"), concurrent, handling, 2);

    private async Task<BatchResult> RunAsync(IReadOnlyList<string> paths, BatchSettings settings, int retryCount = 0, ParallelStrategy strategy = ParallelStrategy.Fixed, CancellationToken cancellationToken = default)
    {
        var inputs = InputDiscovery.Discover(new DiscoveryRequest(paths, false, null, Path.GetTempPath()));
        await using var store = new SqliteJobStore(Path.Combine(_folder, "spool.db"));
        await store.MigrateAsync(CancellationToken.None);
        var runner = new ProcessRunner();
        await new BatchSubmitter(store, new Prober(runner, "ffprobe"))
            .SubmitAsync("batch_test", inputs, settings with { Admission = settings.Admission with { Strategy = strategy } }, BatchPriority.Normal, retryCount, CancellationToken.None);
        var options = new WorkerOptions(settings.MaxConcurrent, 2, CanToneMap: true) { BatchId = "batch_test", RetryDelay = TimeSpan.FromMilliseconds(50) };
        await new WorkerPool(store, runner, MediaTools.FromPath, new SilentObserver(), TimeProvider.System, ProcessIdentity.Current("test"))
            .RunAsync(options, cancellationToken);
        return (await StoredBatches.LoadAsync(store, "batch_test", TimeProvider.System, CancellationToken.None))!;
    }

    private IEnumerable<string> PartialFiles() =>
        Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).Where(file => file.Contains(".partial", StringComparison.Ordinal));

    [Fact]
    public async Task Two_presets_come_from_one_fused_run()
    {
        var clip = await ClipAsync("clip.mp4");
        var batch = await RunAsync([clip], Settings([Builtin("web_optimized"), Builtin("mobile_optimized")]));
        Assert.All(batch.Jobs, job => Assert.Equal(JobStatus.Succeeded, job.Status));
        Assert.All(batch.Jobs, job => Assert.True(job.Fused));
        Assert.All(batch.Jobs, job => Assert.True(File.Exists(job.Output)));
        Assert.Equal(Path.Combine(_folder, "out", "clip", "video", "clip_web_optimized.mp4"), batch.Jobs[0].Output);
        Assert.Equal(0, batch.ExitCode);
    }

    [Fact]
    public async Task A_finished_batch_writes_qc_per_job_metrics_and_a_self_contained_html_report()
    {
        var first = await ClipAsync("first clip.mp4");
        var second = await ClipAsync("second.mp4");
        await RunAsync([first, second], Settings([Builtin("web_optimized")]));

        var summary = Path.Combine(_folder, "out", "summary");
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(summary, "batch_report.json")));
        Assert.All(report.RootElement.GetProperty("jobs").EnumerateArray(), job =>
        {
            var qc = job.GetProperty("qc");
            Assert.True(qc.GetProperty("passed").GetBoolean());
            Assert.InRange(qc.GetProperty("ssim").GetDouble(), 0.9, 1.0);
        });
        using var metrics = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(summary, "processing_metrics.json")));
        Assert.True(metrics.RootElement.GetProperty("wall_seconds").GetDouble() > 0);
        Assert.True(metrics.RootElement.GetProperty("cpu_seconds").GetDouble() > 0);
        Assert.True(metrics.RootElement.GetProperty("peak_cpu_percent").GetDouble() > 0);
        Assert.InRange(metrics.RootElement.GetProperty("peak_memory_bytes").GetInt64(), 1_000_000, 8_000_000_000);
        var html = await File.ReadAllTextAsync(Path.Combine(summary, "report.html"));
        Assert.Contains("first clip.mp4", html, StringComparison.Ordinal);
        Assert.Contains("second.mp4", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("data:image/jpeg;base64,", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);
        Assert.Empty(PartialFiles());
    }

    [Fact]
    public async Task An_output_folder_that_cannot_be_made_fails_the_job_without_stopping_the_worker()
    {
        var clip = await ClipAsync("clip.mp4");
        var blocked = Path.Combine(_folder, "blocked");
        await File.WriteAllTextAsync(blocked, "a file where the output folder should go");
        var settings = Settings([Builtin("web_optimized")]) with { OutputDirectory = Path.Combine(blocked, "out") };

        var batch = await RunAsync([clip], settings);

        var job = Assert.Single(batch.Jobs);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(1, batch.ExitCode);
        Assert.NotNull(job.Error);
        Assert.False(string.IsNullOrWhiteSpace(job.Error!.Hint));
    }

    [Fact]
    public async Task A_preset_whose_encoder_is_missing_cannot_sink_the_others()
    {
        var clip = await ClipAsync("clip.mp4");
        var broken = Builtin("web_optimized") with { Name = "broken", VideoCodec = "no_such_encoder" };
        var batch = await RunAsync([clip], Settings([Builtin("mobile_optimized"), broken]));
        var good = batch.Jobs.Single(job => job.Preset == "mobile_optimized");
        var bad = batch.Jobs.Single(job => job.Preset == "broken");
        Assert.Equal(JobStatus.Succeeded, good.Status);
        Assert.False(good.Fused);
        Assert.Equal(JobStatus.Failed, bad.Status);
        Assert.Equal(ErrorCategory.EncoderUnavailable, bad.Error!.Category);
        Assert.Empty(PartialFiles());
        Assert.Equal(1, batch.ExitCode);
    }

    [Fact]
    public async Task Broken_input_fails_classified_and_the_batch_goes_on()
    {
        var clip = await ClipAsync("good.mp4");
        var junk = Path.Combine(_folder, "junk.mp4");
        await File.WriteAllBytesAsync(junk, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray());
        var batch = await RunAsync([junk, clip], Settings([Builtin("web_optimized")]));
        Assert.Equal(JobStatus.Failed, batch.Jobs[0].Status);
        Assert.Equal(ErrorCategory.InputCorrupt, batch.Jobs[0].Error!.Category);
        Assert.Equal(JobStatus.Succeeded, batch.Jobs[1].Status);
    }

    [Fact]
    public async Task Error_handling_stop_cancels_what_comes_after_the_first_failure()
    {
        var clip = await ClipAsync("good.mp4");
        var missing = Path.Combine(_folder, "missing.mp4");
        var batch = await RunAsync([missing, clip], Settings([Builtin("web_optimized")], ErrorHandling.Stop), strategy: ParallelStrategy.Sequential);
        Assert.Equal(ErrorCategory.InputMissing, batch.Jobs[0].Error!.Category);
        Assert.Equal(JobStatus.Cancelled, batch.Jobs[1].Status);
        Assert.False(File.Exists(Path.Combine(_folder, "out", "good", "video", "good_web_optimized.mp4")));
    }

    [Fact]
    public async Task Interrupting_a_batch_requeues_its_jobs_uncounted_and_leaves_no_partial_file()
    {
        var clip = await ClipAsync("long.mp4", seconds: 30);
        using var interrupt = new CancellationTokenSource();
        var settings = Settings([Builtin("high_quality")]);
        var running = RunAsync([clip], settings, cancellationToken: interrupt.Token);
        await WaitForAsync(() => PartialFiles().Any());
        await interrupt.CancelAsync();
        var batch = await running;
        Assert.True(batch.Interrupted);
        Assert.Equal(130, batch.ExitCode);
        Assert.Equal(0, batch.Jobs[0].Attempts);
        Assert.Empty(PartialFiles());
        Assert.False(File.Exists(Path.Combine(_folder, "out", "long", "video", "long_high_quality.mp4")));
    }

    [Fact]
    public async Task A_transient_failure_is_retried_up_to_the_retry_count_then_fails_with_its_category()
    {
        var clip = await ClipAsync("slow.mp4", seconds: 30);
        var settings = Settings([Builtin("high_quality")]) with { Timeout = TimeSpan.FromSeconds(1) };
        var batch = await RunAsync([clip], settings, retryCount: 1);
        var job = Assert.Single(batch.Jobs);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(ErrorCategory.Timeout, job.Error!.Category);
        Assert.Equal(2, job.Attempts);
        Assert.Empty(PartialFiles());
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 600 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "the condition never came true");
    }
}
