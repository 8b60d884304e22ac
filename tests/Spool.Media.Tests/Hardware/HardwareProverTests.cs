using Spool.Media.Capabilities;
using Spool.Media.Hardware;
using Spool.Media.Processes;

namespace Spool.Media.Tests.Hardware;

/// <summary>spool doctor's proof: a one-frame trial per hardware encoder, tried only where the encoder and device exist.</summary>
public sealed class HardwareProverTests
{
    private static FfmpegCapabilities With(params string[] encoders) =>
        new("5.1.9", new HashSet<string>(["libx264", "aac", .. encoders], StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));

    public static TheoryData<HardwareBackend, string[]> Trials => new()
    {
        {
            HardwareBackend.Cuda,
            ["-hide_banner", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "color=c=black:s=256x256:r=25:d=0.04",
                "-vf", "format=yuv420p", "-frames:v", "1", "-c:v", "h264_nvenc", "-f", "null", "-"]
        },
        {
            HardwareBackend.Vaapi,
            ["-hide_banner", "-nostdin", "-loglevel", "error", "-init_hw_device", "vaapi=va:/dev/dri/renderD128", "-filter_hw_device", "va",
                "-f", "lavfi", "-i", "color=c=black:s=256x256:r=25:d=0.04", "-vf", "format=yuv420p,format=nv12,hwupload", "-frames:v", "1", "-c:v", "h264_vaapi", "-f", "null", "-"]
        },
        {
            HardwareBackend.Qsv,
            ["-hide_banner", "-nostdin", "-loglevel", "error", "-init_hw_device", "qsv=hw", "-filter_hw_device", "hw",
                "-f", "lavfi", "-i", "color=c=black:s=256x256:r=25:d=0.04", "-vf", "format=yuv420p,format=nv12,hwupload=extra_hw_frames=64,format=qsv",
                "-frames:v", "1", "-c:v", "h264_qsv", "-f", "null", "-"]
        },
    };

    [Theory]
    [MemberData(nameof(Trials))]
    public void Each_trial_encodes_one_frame_through_the_devices_and_upload_a_plan_uses(HardwareBackend backend, string[] expected)
    {
        Assert.Equal(expected, HardwareProver.TrialArguments(backend));
    }

    [Fact]
    public async Task Only_a_listed_encoder_with_its_device_is_tried_and_a_failed_trial_gives_its_first_error()
    {
        var runner = new ScriptedRunner(exitCode: 1, "[h264_nvenc @ 0x55c6ba833380] Cannot load libcuda.so.1\nError initializing output stream 0:0 -- Error while opening encoder\n");
        var prover = new HardwareProver(runner, "ffmpeg", deviceExists: path => path == "/dev/nvidiactl");

        var support = await prover.ProveAsync(With("h264_nvenc", "h264_vaapi"), CancellationToken.None);

        Assert.Equal(
            [
                new HardwareProof(HardwareBackend.Cuda, false, "the one-frame trial failed: Cannot load libcuda.so.1"),
                new HardwareProof(HardwareBackend.Qsv, false, "this ffmpeg has no h264_qsv encoder"),
                new HardwareProof(HardwareBackend.Vaapi, false, "/dev/dri/renderD128 is absent: no GPU render device"),
            ],
            support.Proofs);
        Assert.Equal([["-c:v", "h264_nvenc"]], runner.Runs.Select(args => args.Skip(args.IndexOf("-c:v")).Take(2).ToArray()));
        Assert.False(support.IsProven(HardwareBackend.Cuda));
    }

    [Fact]
    public async Task Without_an_nvidia_device_the_nvenc_trial_costs_no_process()
    {
        // Debian's ffmpeg lists h264_nvenc everywhere; its failing trial would cost every batch's start ~0.2 s.
        var runner = new ScriptedRunner(exitCode: 1, "");
        var prover = new HardwareProver(runner, "ffmpeg", deviceExists: _ => false);

        var proof = await prover.ProveAsync(HardwareBackend.Cuda, With("h264_nvenc"), CancellationToken.None);

        Assert.Equal(new HardwareProof(HardwareBackend.Cuda, false, "no NVIDIA device: /dev/nvidiactl and /dev/dxg are absent"), proof);
        Assert.Empty(runner.Runs);
    }

    [Fact]
    public async Task Under_wsl_the_dxg_device_lets_the_nvenc_trial_run()
    {
        var runner = new ScriptedRunner(exitCode: 0, "");
        var prover = new HardwareProver(runner, "ffmpeg", deviceExists: path => path == "/dev/dxg");

        var proof = await prover.ProveAsync(HardwareBackend.Cuda, With("h264_nvenc"), CancellationToken.None);

        Assert.True(proof.Proven);
        Assert.Single(runner.Runs);
    }

    [Fact]
    public async Task A_trial_that_encodes_proves_its_backend()
    {
        var runner = new ScriptedRunner(exitCode: 0, "");
        var prover = new HardwareProver(runner, "ffmpeg", deviceExists: path => path == "/dev/dri/renderD128");

        var support = await prover.ProveAsync(With("h264_vaapi"), CancellationToken.None);

        Assert.Equal(new HardwareProof(HardwareBackend.Vaapi, true, "a one-frame trial encoded with h264_vaapi"), support.Proofs[2]);
        Assert.Equal((true, false, false), (support.IsProven(HardwareBackend.Vaapi), support.IsProven(HardwareBackend.Cuda), support.IsProven(HardwareBackend.Qsv)));
        Assert.Single(runner.Runs);
    }

    /// <summary>Answers every run with one exit code and stderr, and records the arguments.</summary>
    private sealed class ScriptedRunner(int exitCode, string stderr) : IProcessRunner
    {
        public List<List<string>> Runs { get; } = [];

        public Task<ProcessResult> RunAsync(ProcessRequest request, IProgress<FfmpegProgress>? progress, CancellationToken cancellationToken)
        {
            Runs.Add([.. request.Arguments]);
            return Task.FromResult(new ProcessResult(ProcessEnd.Exited, exitCode, "", stderr, "ffmpeg", TimeSpan.FromMilliseconds(30)));
        }
    }
}
