using Spool.Core.Operations;
using Spool.Core.Queue;
using Spool.Media.Capabilities;
using Spool.Media.Hardware;
using Spool.Media.Processes;

namespace Spool.Cli.Commands;

/// <summary>Worker options from the command line and this machine: cores, whether its ffmpeg can tone-map, which GPU encoders it proved.</summary>
internal static class WorkerSettings
{
    /// <summary>
    /// Proves the hardware encoders once for this process (spool doctor's one-frame trials; none runs where the
    /// encoder or device is absent). <paramref name="cpuOnly"/>: the one batch this process runs said --hwaccel none.
    /// </summary>
    public static async Task<WorkerOptions> ForAsync(
        int maxConcurrent, IProcessRunner runner, MediaTools tools, FfmpegCapabilities capabilities, CancellationToken cancellationToken, bool cpuOnly = false)
    {
        var hardware = cpuOnly ? HardwareSupport.None : await ProveAsync(runner, tools, capabilities, cancellationToken);
        return new WorkerOptions(maxConcurrent, Environment.ProcessorCount, capabilities.HasFilter("zscale") && capabilities.HasFilter("tonemap"))
        {
            Hardware = hardware,
        };
    }

    public static Task<HardwareSupport> ProveAsync(IProcessRunner runner, MediaTools tools, FfmpegCapabilities capabilities, CancellationToken cancellationToken) =>
        new HardwareProver(runner, tools.Ffmpeg, File.Exists).ProveAsync(capabilities, cancellationToken);
}
