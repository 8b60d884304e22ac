using Spool.Core.Discovery;
using Spool.Core.Operations;
using Spool.Core.Placement;
using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Operations;

/// <summary>An output identical to another is copied from the placed file, placed by its own job and committed as its own.</summary>
public sealed class EncodeRunnerCopyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-copy-" + Guid.NewGuid().ToString("N"));

    public EncodeRunnerCopyTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_copy_is_placed_by_its_own_job_and_committed_after_the_encoded_output_with_no_cpu()
    {
        var fence = new RecordingFence(cancelOnCommit: null);

        var results = await RunAsync(fence, CancellationToken.None);

        var encoded = results["fast_draft"];
        var copy = results["my_draft"];
        var video = Path.Combine(_folder, "out", "clip", "video");
        Assert.Equal((JobStatus.Succeeded, (string?)null), (encoded.Status, encoded.CopiedFrom));
        Assert.Equal((JobStatus.Succeeded, "fast_draft", Path.Combine(video, "clip_my_draft.mp4"), 0.0), (copy.Status, copy.CopiedFrom, copy.Output, copy.CpuSeconds));
        Assert.Equal(await File.ReadAllBytesAsync(encoded.Output!), await File.ReadAllBytesAsync(copy.Output!));
        Assert.Equal(encoded.OutputBytes, copy.OutputBytes);
        Assert.Equal(["fast_draft", "my_draft"], fence.Committed.Select(result => result.Preset));
        Assert.Contains("my_draft", fence.Placers);
    }

    [Fact]
    public async Task The_copy_hands_the_report_the_encoded_outputs_thumbnail_too()
    {
        var results = await RunAsync(new RecordingFence(cancelOnCommit: null), CancellationToken.None, thumbnails: true);

        var encoded = EncodedThumbnail.HandedOverPath(results["fast_draft"].Output!);
        var copied = EncodedThumbnail.HandedOverPath(results["my_draft"].Output!);
        Assert.Equal([0xFF, 0xD8], (await File.ReadAllBytesAsync(encoded))[..2]);
        Assert.Equal(await File.ReadAllBytesAsync(encoded), await File.ReadAllBytesAsync(copied));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(encoded)!, "*.partial-*"));
    }

    [Fact]
    public async Task A_cancel_when_the_copy_is_due_leaves_no_partial_and_only_the_encoded_output()
    {
        using var cancel = new CancellationTokenSource();
        var fence = new RecordingFence(cancelOnCommit: cancel);

        var results = await RunAsync(fence, cancel.Token);

        var copy = results["my_draft"];
        Assert.Equal((JobStatus.Cancelled, ErrorCategory.Cancelled, (string?)null), (copy.Status, copy.Error?.Category, copy.Output));
        Assert.Equal(["clip_fast_draft.mp4"], Directory.GetFiles(Path.Combine(_folder, "out", "clip", "video")).Select(Path.GetFileName));
        Assert.Equal(["fast_draft"], fence.Committed.Select(result => result.Preset));
    }

    private async Task<IReadOnlyDictionary<string, JobResult>> RunAsync(IWorkFence fence, CancellationToken cancellationToken, bool thumbnails = false)
    {
        var clip = await TestClips.MakeAsync(_folder, "clip.mp4", 1);
        var runner = new ProcessRunner();
        var prober = new Prober(runner, "ffprobe");
        var media = Assert.IsType<ProbeOutcome.Probed>(await prober.ProbeAsync(clip, CancellationToken.None)).Media;
        var draft = PresetCatalog.BuiltIn.Find("fast_draft")!;
        IReadOnlyList<Preset> presets = [draft, draft with { Name = "my_draft" }];
        var folder = Path.Combine(_folder, "out", "clip");
        var plan = Assert.IsType<PlanOutcome.Planned>(WorkPlanner.Plan(media, presets, PlanOptions.Default with { ReportThumbnails = thumbnails }, new OutputTarget(folder, "clip"))).Plan;
        var settings = new BatchSettings(presets, PlanOptions.Default, Path.Combine(_folder, "out"), 1, ErrorHandling.Continue, 2) { Qc = null };
        var encoder = new EncodeRunner(runner, prober, MediaTools.FromPath, settings, new SilentObserver(), TimeProvider.System, fence);
        var context = new EncodeContext(new DiscoveredInput(clip, "clip"), media, new JobLog(Path.Combine(folder, "metadata"), "clip"), DateTimeOffset.UtcNow, []);
        return await encoder.RunAsync(plan, context, cancellationToken);
    }

    /// <summary>Unfenced placement; records what is placed and committed, and can cancel the run at the first commit.</summary>
    private sealed class RecordingFence(CancellationTokenSource? cancelOnCommit) : IWorkFence
    {
        public List<JobResult> Committed { get; } = [];

        public List<string> Placers { get; } = [];

        public FilePlacer PlacerFor(string jobName)
        {
            Placers.Add(jobName);
            return FilePlacer.Unfenced;
        }

        public Task<Spool.Core.Queue.DoneOutput?> FindDoneOutputAsync(string inputPath, string preset, string outputPath, CancellationToken cancellationToken) =>
            Task.FromResult<Spool.Core.Queue.DoneOutput?>(null);

        public async Task CommitAsync(JobResult result)
        {
            Committed.Add(result);
            if (cancelOnCommit is not null)
            {
                await cancelOnCommit.CancelAsync();
            }
        }

        public void RemoveStalePartials(string inputFolder)
        {
        }
    }
}
