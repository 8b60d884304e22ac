using Spool.Core.Discovery;
using Spool.Core.Operations;
using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Core.Queue;
using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Operations;

/// <summary>The join of a chunked output: exact chunks are joined and placed; a frame short, or a failed chunk, fails it clearly.</summary>
public sealed class ChunkJoinerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("spool-join-").FullName;
    private readonly ProcessRunner _runner = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Output => Path.Combine(_folder, "out");

    private string ChunkFolder => ChunkEncoder.FolderFor(Output, "clip", "web_optimized");

    [Fact]
    public async Task Exact_chunks_are_joined_with_every_source_frame_placed_and_their_folder_removed()
    {
        var clip = await TestClips.MakeAsync(_folder, "clip.mp4", 4);
        var chunks = await ChunksAsync(clip, secondStart: "2");

        var result = await JoinAsync(clip, chunks);

        Assert.True(result.Status == JobStatus.Succeeded, result.Error?.Message);
        Assert.Equal(Path.Combine(Output, "clip", "video", "clip_web_optimized.mp4"), result.Output);
        Assert.Equal(100, Assert.IsType<ProbeOutcome.Probed>(await new Prober(_runner, "ffprobe").ProbeAsync(result.Output!, CancellationToken.None)).Media.PrimaryVideo!.FrameCount);
        Assert.False(Directory.Exists(ChunkFolder));
    }

    [Fact]
    public async Task Chunks_a_frame_short_fail_the_join_as_qc_failed_and_place_nothing()
    {
        var clip = await TestClips.MakeAsync(_folder, "clip.mp4", 4);
        var chunks = await ChunksAsync(clip, secondStart: "2.04");

        var result = await JoinAsync(clip, chunks);

        Assert.Equal((JobStatus.Failed, ErrorCategory.QcFailed), (result.Status, result.Error?.Category));
        Assert.Equal("The joined chunks do not match the source: the joined output has 99 frames, the source 100: a seam dropped or duplicated frames.", result.Error!.Message);
        Assert.Empty(Directory.GetFiles(Path.Combine(Output, "clip", "video")));
        Assert.Equal(2, Directory.GetFiles(ChunkFolder).Length);
    }

    [Fact]
    public async Task A_failed_chunk_fails_the_join_with_its_category_naming_the_chunk()
    {
        var clip = await TestClips.MakeAsync(_folder, "clip.mp4", 1);
        var failed = Chunk(clip, 2, 0.5, null, null) with
        {
            State = JobState.Failed,
            Result = JobRecords.Empty with { Error = MediaError.Of(ErrorCategory.InputCorrupt, "Invalid data found when processing input.") },
        };

        var result = await JoinAsync(clip, [Chunk(clip, 1, 0, 0.5, ChunkEncoder.FileFor(ChunkFolder, 1)), failed]);

        Assert.Equal((JobStatus.Failed, ErrorCategory.InputCorrupt), (result.Status, result.Error?.Category));
        Assert.Equal("Chunk 2 of 2 did not succeed (failed: Invalid data found when processing input.); the output cannot be joined.", result.Error!.Message);
    }

    private async Task<JobResult> JoinAsync(string clip, IReadOnlyList<JobRecord> chunks)
    {
        var settings = new BatchSettings([PresetCatalog.BuiltIn.Find("web_optimized")!], PlanOptions.Default, Output, 1, ErrorHandling.Continue, 2) { Qc = null };
        var prober = new Prober(_runner, "ffprobe");
        var fence = new NoWorkFence();
        var encoder = new EncodeRunner(_runner, prober, MediaTools.FromPath, settings, new SilentObserver(), TimeProvider.System, fence);
        var joiner = new ChunkJoiner(_runner, prober, MediaTools.FromPath, settings, encoder, new SilentObserver(), TimeProvider.System, fence);
        return await joiner.RunAsync(new DiscoveredInput(clip, "clip"), "web_optimized", chunks, submitted: null, CancellationToken.None);
    }

    // Two chunks encoded by hand as ChunkEncoder would (video only, timestamps passed through): 0-2 s, and from secondStart on.
    private async Task<IReadOnlyList<JobRecord>> ChunksAsync(string clip, string secondStart)
    {
        Directory.CreateDirectory(ChunkFolder);
        var first = ChunkEncoder.FileFor(ChunkFolder, 1);
        var second = ChunkEncoder.FileFor(ChunkFolder, 2);
        await EncodeAsync(["-ss", "0", "-to", "2", "-i", "file:" + clip], first);
        await EncodeAsync(["-ss", secondStart, "-i", "file:" + clip], second);
        return [Chunk(clip, 1, 0, 2, first), Chunk(clip, 2, 2, null, second)];
    }

    private async Task EncodeAsync(string[] input, string path)
    {
        var result = await _runner.RunAsync(
            new ProcessRequest("ffmpeg", ["-hide_banner", "-y", .. input, "-map", "0:v:0", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-fps_mode", "passthrough", "-an", "file:" + path]),
            null, CancellationToken.None);
        Assert.True(result.Succeeded, result.Stderr);
    }

    private static JobRecord Chunk(string clip, int index, double start, double? end, string? file) =>
        new(index, "b1", 0, clip, "clip", JobChunk.JobName("web_optimized", index), JobState.Succeeded, 1, 1, 1, null, null, false, null, null, null,
            JobRecords.Empty with { Output = file }, 0)
        {
            Chunk = new JobChunk("web_optimized", index, 2, start, end),
        };
}
