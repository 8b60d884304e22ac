using System.Text.Json;
using Spool.Core.Chunking;
using Spool.Core.Discovery;
using Spool.Core.Operations;
using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Core.Queue;
using Spool.Core.Storage.Sqlite;
using Spool.Core.Validation;
using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Operations;

/// <summary>
/// One probe per input (issue 12, item 2): the probe taken at submit is stored with the batch and planned from, unless
/// the input changed since or there is none. Real ffmpeg; every ffprobe of an input counted on its way to the runner.
/// </summary>
public sealed class OneProbePerInputTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-oneprobe-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingRunner _runner = new(new ProcessRunner());

    public OneProbePerInputTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Output => Path.Combine(_folder, "out");

    private BatchSettings Settings => new([PresetCatalog.BuiltIn.Find("fast_draft")!], PlanOptions.Default, Output, 2, ErrorHandling.Continue, 2) { Qc = null };

    [Fact]
    public async Task A_batch_of_three_inputs_runs_ffprobe_on_each_input_once()
    {
        var clips = new[] { "a.mp4", "b.mp4", "c.mp4" };
        var paths = await Task.WhenAll(clips.Select(name => TestClips.MakeAsync(_folder, name, 1)));

        var jobs = await RunAsync(paths, submit: SubmitAsync);

        Assert.All(jobs, job => Assert.True(job.State == JobState.Succeeded, $"{job.InputPath}: {job.State} {job.Result?.Error?.Message}"));
        Assert.Equal([1, 1, 1], paths.Select(ProbesOf));
    }

    [Fact]
    public async Task A_thorough_validation_decodes_the_input_without_probing_it_again()
    {
        var clip = await TestClips.MakeAsync(_folder, "clip.mp4", 1);

        var job = Assert.Single(await RunAsync([clip], submit: (store, inputs) => SubmitAsync(store, inputs, Settings with { ValidateThoroughly = true })));

        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Equal(1, ProbesOf(clip));
        Assert.Single(_runner.Requests, request => request.Arguments.SequenceEqual(InputValidator.DecodeArguments(clip)));
    }

    [Fact]
    public async Task A_chunked_input_is_probed_once_for_all_of_its_chunk_jobs_and_their_join()
    {
        var clip = await TestClips.MakeAsync(_folder, "clip.mp4", 3);
        var settings = Settings with { Presets = [PresetCatalog.BuiltIn.Find("web_optimized")!], Chunk = new ChunkSetting(ChunkKind.Fixed, 1) };

        var jobs = await RunAsync([clip], submit: (store, inputs) =>
            new BatchSubmitter(store, new Prober(_runner, "ffprobe"), new ChunkJobPlanner(new VideoPackets(_runner, "ffprobe")))
                .SubmitAsync("batch_probe", inputs, settings, BatchPriority.Normal, 0, CancellationToken.None));

        Assert.True(jobs.Count(job => job.Chunk is not null) >= 2, $"{jobs.Count} jobs: the input was not chunked");
        Assert.All(jobs, job => Assert.True(job.State == JobState.Succeeded, $"{job.Preset}: {job.State} {job.Result?.Error?.Message}"));
        Assert.Equal(1, ProbesOf(clip));
    }

    [Fact]
    public async Task An_input_that_failed_its_submit_probe_is_probed_again_when_it_runs_and_fails_classified()
    {
        var junk = Path.Combine(_folder, "junk.mp4");
        await File.WriteAllBytesAsync(junk, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray());

        var job = Assert.Single(await RunAsync([junk], submit: SubmitAsync));

        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal(ErrorCategory.InputCorrupt, job.Result!.Error!.Category);
        Assert.Equal(2, ProbesOf(junk));
    }

    [Fact]
    public async Task An_input_rewritten_between_submit_and_run_is_probed_again_and_planned_from_its_new_facts()
    {
        var clip = await TestClips.MakeAsync(_folder, "clip.mp4", 1);

        var job = Assert.Single(await RunAsync([clip], submit: async (store, inputs) =>
        {
            await SubmitAsync(store, inputs);
            var longer = await TestClips.MakeAsync(Directory.CreateDirectory(Path.Combine(_folder, "new")).FullName, "clip.mp4", 2);
            File.Move(longer, clip, overwrite: true);
        }));

        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Equal(2, ProbesOf(clip));
        Assert.InRange(job.Result!.SourceDurationSeconds!.Value, 1.95, 2.1);
        using var probe = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Output, "clip", "metadata", "probe.json")));
        Assert.InRange(probe.RootElement.GetProperty("duration_seconds").GetDouble(), 1.95, 2.1);
    }

    [Fact]
    public async Task Jobs_stored_without_a_probe_probe_their_input_when_they_run()
    {
        var paths = await Task.WhenAll(new[] { "a.mp4", "b.mp4" }.Select(name => TestClips.MakeAsync(_folder, name, 1)));

        // What an older Spool stored: the batch and its jobs, no probes.
        var jobs = await RunAsync(paths, submit: (store, inputs) => store.CreateBatchAsync(
            new NewBatch("batch_probe", BatchPriority.Normal, Output, BatchOptionsSnapshot.From(Settings, 0).ToJson(), inputs.Count,
                [.. inputs.Select((input, i) => new NewJob(i, input.Path, input.OutputName, "fast_draft", 0, 1))]),
            CancellationToken.None));

        Assert.All(jobs, job => Assert.Equal(JobState.Succeeded, job.State));
        Assert.Equal([1, 1], paths.Select(ProbesOf));
    }

    private Task SubmitAsync(SqliteJobStore store, IReadOnlyList<DiscoveredInput> inputs) => SubmitAsync(store, inputs, Settings);

    private Task SubmitAsync(SqliteJobStore store, IReadOnlyList<DiscoveredInput> inputs, BatchSettings settings) =>
        new BatchSubmitter(store, new Prober(_runner, "ffprobe")).SubmitAsync("batch_probe", inputs, settings, BatchPriority.Normal, 0, CancellationToken.None);

    private async Task<IReadOnlyList<JobRecord>> RunAsync(IReadOnlyList<string> paths, Func<SqliteJobStore, IReadOnlyList<DiscoveredInput>, Task> submit)
    {
        await using var store = new SqliteJobStore(Path.Combine(_folder, "spool.db"));
        await store.MigrateAsync(CancellationToken.None);
        await submit(store, InputDiscovery.Discover(new DiscoveryRequest(paths, false, null, _folder)));
        var options = new WorkerOptions(2, 2, CanToneMap: true) { BatchId = "batch_probe" };
        await new WorkerPool(store, _runner, MediaTools.FromPath, new SilentObserver(), TimeProvider.System, ProcessIdentity.Current("test")).RunAsync(options, CancellationToken.None);
        return await store.GetJobsAsync("batch_probe", CancellationToken.None);
    }

    // The media probe of the input itself: not the outputs' probes, nor other ffprobe passes over the input.
    private int ProbesOf(string input) =>
        _runner.Requests.Count(request => request.FileName == "ffprobe" && request.Arguments.SequenceEqual(Prober.Arguments(input)));
}
