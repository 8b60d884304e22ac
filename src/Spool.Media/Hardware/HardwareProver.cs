using Spool.Media.Capabilities;
using Spool.Media.Commands;
using Spool.Media.Processes;

namespace Spool.Media.Hardware;

/// <summary>
/// Proves each hardware encoder with a one-frame trial: a listed encoder only says ffmpeg was built with it, not that
/// this machine has the GPU and driver behind it. A backend without any of its device files is not tried (no process).
/// </summary>
public sealed class HardwareProver
{
    private static readonly TimeSpan TrialTimeout = TimeSpan.FromSeconds(30);
    private const int MaxReasonLength = 200;

    private readonly IProcessRunner runner;
    private readonly string ffmpegPath;
    private readonly Func<string, bool> deviceExists;

    public HardwareProver(IProcessRunner runner, string ffmpegPath, Func<string, bool> deviceExists)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentException.ThrowIfNullOrWhiteSpace(ffmpegPath);
        ArgumentNullException.ThrowIfNull(deviceExists);
        this.runner = runner;
        this.ffmpegPath = ffmpegPath;
        this.deviceExists = deviceExists;
    }

    /// <summary>Every backend, one trial at a time (a batch never runs more ffmpeg processes than it promised).</summary>
    public async Task<HardwareSupport> ProveAsync(FfmpegCapabilities capabilities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        var proofs = new List<HardwareProof>();
        foreach (var backend in HardwareSetup.Preference)
        {
            proofs.Add(await ProveAsync(backend, capabilities, cancellationToken));
        }

        return new HardwareSupport(proofs);
    }

    public async Task<HardwareProof> ProveAsync(HardwareBackend backend, FfmpegCapabilities capabilities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        var encoder = HardwareSetup.Encoder(backend);
        if (!capabilities.HasEncoder(encoder))
        {
            return new HardwareProof(backend, false, $"this ffmpeg has no {encoder} encoder");
        }

        // Debian's ffmpeg lists every hardware encoder; without a device, a trial would only cost each batch's start.
        var devices = HardwareSetup.DeviceFiles(backend);
        if (!devices.Any(deviceExists))
        {
            return new HardwareProof(backend, false, backend == HardwareBackend.Cuda
                ? $"no NVIDIA device: {string.Join(" and ", devices)} are absent"
                : $"{devices[0]} is absent: no GPU render device");
        }

        var request = new ProcessRequest(ffmpegPath, TrialArguments(backend))
        {
            Timeout = TrialTimeout,
            GracefulStopWait = TimeSpan.Zero,
        };
        var result = await runner.RunAsync(request, progress: null, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return result.Succeeded
            ? new HardwareProof(backend, true, $"a one-frame trial encoded with {encoder}")
            : new HardwareProof(backend, false, $"the one-frame trial failed: {FirstError(result)}");
    }

    /// <summary>
    /// One black 256x256 frame through the backend's devices, upload filters and encoder, to the null muxer:
    /// "-f lavfi -i color=…" is not a file, so these tokens are written here rather than by the plan renderer.
    /// </summary>
    public static IReadOnlyList<string> TrialArguments(HardwareBackend backend)
    {
        var setup = HardwareSetup.For(backend);
        var tokens = new List<string> { "-hide_banner", "-nostdin", "-loglevel", "error" };
        tokens.AddRange(FfmpegCommandRenderer.DeviceTokens(setup.Devices, setup.FilterDevice));
        var filters = new List<Filter> { new("format", FilterArg.Positional("yuv420p")) };
        filters.AddRange(setup.Upload);
        var chain = FfmpegCommandRenderer.RenderGraph(new FilterGraph([new FilterChain([], filters, [])]));
        tokens.AddRange(["-f", "lavfi", "-i", "color=c=black:s=256x256:r=25:d=0.04", "-vf", chain, "-frames:v", "1", "-c:v", HardwareSetup.Encoder(backend), "-f", "null", "-"]);
        return tokens;
    }

    // "[h264_nvenc @ 0x55c6ba833380] Cannot load libcuda.so.1" → "Cannot load libcuda.so.1": the first error is the cause,
    // later lines are ffmpeg's generic "Error initializing output stream".
    private static string FirstError(ProcessResult result)
    {
        var line = result.Stderr.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (line is null)
        {
            return result.End == ProcessEnd.Exited ? $"ffmpeg exited with code {result.ExitCode}" : $"ffmpeg did not finish ({result.End})";
        }

        if (line.StartsWith('[') && line.IndexOf("] ", StringComparison.Ordinal) is var close and > 0)
        {
            line = line[(close + 2)..];
        }

        return line.Length > MaxReasonLength ? line[..MaxReasonLength] + "…" : line;
    }
}
