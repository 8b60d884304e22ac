using Spool.Core.Discovery;
using Spool.Core.Operations;
using Spool.Core.Placement;
using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Media.Hardware;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Operations;

/// <summary>A GPU encode that fails is run again on the CPU for that job, and the job's warnings say so.</summary>
public sealed class EncodeRunnerHardwareTests : IDisposable
{
    private const string NvencError = "[h264_nvenc @ 0x5580] OpenEncodeSessionEx failed: unsupported device (2): (no details)";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-hw-" + Guid.NewGuid().ToString("N"));

    public EncodeRunnerHardwareTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_failed_nvenc_encode_is_rerun_on_the_cpu_and_the_job_records_the_fallback()
    {
        var runner = new NvencFailingRunner(new ProcessRunner());
        var fence = new RecordingFence();
        var proven = new HardwareSupport([new HardwareProof(HardwareBackend.Cuda, true, "trial encoded")]);

        var results = await RunAsync(runner, fence, PlanOptions.Default with { Hardware = HardwareChoice.Cuda, ProvenHardware = proven }, "fast_draft", "mobile_optimized");

        var encoders = runner.Encodes.Select(args => args[args.IndexOf("-c:v") + 1]).ToList();
        Assert.Equal(["h264_nvenc", "libx264"], encoders);
        var warning = new JobWarning(
            JobWarning.HardwareFallbackCode,
            "h264_nvenc failed (The hardware encoder cannot be used on this machine: [h264_nvenc] OpenEncodeSessionEx failed: unsupported device (2): (no details)): encoded on the CPU with libx264",
            []);
        foreach (var preset in new[] { "fast_draft", "mobile_optimized" })
        {
            var result = results[preset];
            Assert.Equal((JobStatus.Succeeded, 1), (result.Status, result.Warnings.Count));
            Assert.Equal(warning.Code, result.Warnings[0].Code);
            Assert.Equal(warning.Message, result.Warnings[0].Message);
            Assert.True(File.Exists(result.Output));
            Assert.Contains("libx264", result.CommandLine, StringComparison.Ordinal);
        }

        Assert.Equal(["fast_draft", "mobile_optimized"], fence.Committed.Select(result => result.Preset).Order());
        Assert.All(fence.Committed, committed => Assert.Equal([JobWarning.HardwareFallbackCode], committed.Warnings.Select(w => w.Code)));
    }

    [Fact]
    public async Task Only_the_output_the_gpu_spoiled_is_encoded_again_and_the_placed_one_is_committed_once()
    {
        // The "GPU" encodes both outputs (libx264 standing in for NVENC), but the second comes out unreadable.
        var runner = new SpoilingGpuRunner(new ProcessRunner());
        var fence = new RecordingFence();
        var proven = new HardwareSupport([new HardwareProof(HardwareBackend.Cuda, true, "trial encoded")]);

        var results = await RunAsync(runner, fence, PlanOptions.Default with { ProvenHardware = proven }, "fast_draft", "mobile_optimized");

        Assert.Equal(["h264_nvenc", "libx264"], runner.Encodes.Select(args => args[args.IndexOf("-c:v") + 1]));
        Assert.Single(runner.Encodes[1], token => token.StartsWith("file:", StringComparison.Ordinal) && token.Contains("mobile_optimized", StringComparison.Ordinal));
        Assert.DoesNotContain(runner.Encodes[1], token => token.Contains("fast_draft", StringComparison.Ordinal));
        Assert.Equal(["fast_draft", "mobile_optimized"], fence.Committed.Select(result => result.Preset));
        Assert.Equal((JobStatus.Succeeded, 0), (results["fast_draft"].Status, results["fast_draft"].Warnings.Count));
        Assert.Equal((JobStatus.Succeeded, JobWarning.HardwareFallbackCode), (results["mobile_optimized"].Status, results["mobile_optimized"].Warnings.Single().Code));
    }

    [Fact]
    public async Task A_named_backend_that_is_not_proven_encodes_on_the_cpu_with_a_warning()
    {
        var runner = new NvencFailingRunner(new ProcessRunner());
        var fence = new RecordingFence();
        var unproven = new HardwareSupport([new HardwareProof(HardwareBackend.Cuda, false, "the one-frame trial failed: Cannot load libcuda.so.1")]);

        var results = await RunAsync(runner, fence, PlanOptions.Default with { Hardware = HardwareChoice.Cuda, ProvenHardware = unproven }, "fast_draft");

        var result = results["fast_draft"];
        Assert.Equal(["libx264"], runner.Encodes.Select(args => args[args.IndexOf("-c:v") + 1]));
        Assert.Equal(JobStatus.Succeeded, result.Status);
        Assert.Equal(
            [(JobWarning.HardwareUnprovenCode, "--hwaccel cuda: h264_nvenc is not proven on this machine (the one-frame trial failed: Cannot load libcuda.so.1); encoded on the CPU with libx264.")],
            result.Warnings.Select(w => (w.Code, w.Message)));
    }

    private async Task<IReadOnlyDictionary<string, JobResult>> RunAsync(IProcessRunner runner, IWorkFence fence, PlanOptions options, params string[] names)
    {
        var clip = await TestClips.MakeAsync(_folder, "clip.mp4", 1);
        var prober = new Prober(runner, "ffprobe");
        var media = Assert.IsType<ProbeOutcome.Probed>(await prober.ProbeAsync(clip, CancellationToken.None)).Media;
        IReadOnlyList<Preset> presets = [.. names.Select(name => PresetCatalog.BuiltIn.Find(name)!)];
        var folder = Path.Combine(_folder, "out", "clip");
        var plan = Assert.IsType<PlanOutcome.Planned>(WorkPlanner.Plan(media, presets, options, new OutputTarget(folder, "clip"))).Plan;
        var settings = new BatchSettings(presets, options, Path.Combine(_folder, "out"), 1, ErrorHandling.Continue, 2) { Qc = null };
        var encoder = new EncodeRunner(runner, prober, MediaTools.FromPath, settings, new SilentObserver(), TimeProvider.System, fence);
        var context = new EncodeContext(new DiscoveredInput(clip, "clip"), media, new JobLog(Path.Combine(folder, "metadata"), "clip"), DateTimeOffset.UtcNow, []);
        return await encoder.RunAsync(plan, context, CancellationToken.None);
    }

    /// <summary>The real runner, except that an h264_nvenc encode fails as it does on a machine whose GPU has no NVENC.</summary>
    private sealed class NvencFailingRunner(IProcessRunner inner) : IProcessRunner
    {
        public List<List<string>> Encodes { get; } = [];

        public Task<ProcessResult> RunAsync(ProcessRequest request, IProgress<FfmpegProgress>? progress, CancellationToken cancellationToken)
        {
            var args = request.Arguments.ToList();
            if (args.Contains("-c:v"))
            {
                Encodes.Add(args);
            }

            if (args.Contains("h264_nvenc"))
            {
                var stderr = NvencError + "\nError initializing output stream 0:0 -- Error while opening encoder for output stream #0:0 - maybe incorrect parameters such as bit_rate, rate, width or height\n";
                return Task.FromResult(new ProcessResult(ProcessEnd.Exited, 1, "", stderr, "ffmpeg " + string.Join(' ', args), TimeSpan.FromMilliseconds(40)));
            }

            return inner.RunAsync(request, progress, cancellationToken);
        }
    }

    /// <summary>Runs an NVENC command as libx264 (same outputs), then empties the last output: a GPU that wrote one bad file.</summary>
    private sealed class SpoilingGpuRunner(IProcessRunner inner) : IProcessRunner
    {
        public List<List<string>> Encodes { get; } = [];

        public async Task<ProcessResult> RunAsync(ProcessRequest request, IProgress<FfmpegProgress>? progress, CancellationToken cancellationToken)
        {
            var args = request.Arguments.ToList();
            if (args.Contains("-c:v"))
            {
                Encodes.Add(args);
            }

            if (!args.Contains("h264_nvenc"))
            {
                return await inner.RunAsync(request, progress, cancellationToken);
            }

            var cpu = new List<string>();
            for (var i = 0; i < args.Count; i++)
            {
                switch (args[i])
                {
                    case "h264_nvenc":
                        cpu.Add("libx264");
                        break;
                    case "-preset":
                        cpu.AddRange(["-preset", "ultrafast"]);
                        i++;
                        break;
                    case "-rc" or "-cq" or "-b:v":
                        i++;
                        break;
                    default:
                        cpu.Add(args[i]);
                        break;
                }
            }

            var result = await inner.RunAsync(request with { Arguments = cpu }, progress, cancellationToken);
            await File.WriteAllBytesAsync(args[^1]["file:".Length..], [], cancellationToken);
            return result;
        }
    }

    private sealed class RecordingFence : IWorkFence
    {
        public List<JobResult> Committed { get; } = [];

        public FilePlacer PlacerFor(string jobName) => FilePlacer.Unfenced;

        public Task CommitAsync(JobResult result)
        {
            Committed.Add(result);
            return Task.CompletedTask;
        }

        public void RemoveStalePartials(string inputFolder)
        {
        }

        public Task<Spool.Core.Queue.DoneOutput?> FindDoneOutputAsync(string inputPath, string preset, string outputPath, CancellationToken cancellationToken) =>
            Task.FromResult<Spool.Core.Queue.DoneOutput?>(null);
    }
}
