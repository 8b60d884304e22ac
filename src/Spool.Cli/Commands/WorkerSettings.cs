using Spool.Core.Queue;
using Spool.Media.Capabilities;

namespace Spool.Cli.Commands;

/// <summary>Worker options from the command line and this machine: cores, and whether its ffmpeg can tone-map.</summary>
internal static class WorkerSettings
{
    public static WorkerOptions For(int maxConcurrent, FfmpegCapabilities capabilities) =>
        new(maxConcurrent, Environment.ProcessorCount, capabilities.HasFilter("zscale") && capabilities.HasFilter("tonemap"));
}
