using Spool.Core.Operations;
using Spool.Core.Storage;
using Spool.Media.Capabilities;
using Spool.Media.Processes;

namespace Spool.Cli;

/// <summary>Finds ffmpeg and ffprobe ($SPOOL_FFMPEG / $SPOOL_FFPROBE, else PATH) and checks that they run.</summary>
internal static class Toolchain
{
    public static MediaTools Locate() => new(
        Environment.GetEnvironmentVariable("SPOOL_FFMPEG") is { Length: > 0 } ffmpeg ? ffmpeg : "ffmpeg",
        Environment.GetEnvironmentVariable("SPOOL_FFPROBE") is { Length: > 0 } ffprobe ? ffprobe : "ffprobe");

    public static async Task<MediaTools> RequireAsync(IProcessRunner runner, CancellationToken cancellationToken) =>
        (await RequireWithCapabilitiesAsync(runner, cancellationToken)).Tools;

    /// <summary>
    /// Exit code 3 (environment unusable) when either program is missing or is not ffmpeg. The listings come from
    /// $SPOOL_HOME's cache while the binaries are unchanged; <paramref name="fresh"/> (doctor) always asks ffmpeg.
    /// </summary>
    public static async Task<(MediaTools Tools, FfmpegCapabilities Capabilities)> RequireWithCapabilitiesAsync(
        IProcessRunner runner, CancellationToken cancellationToken, bool fresh = false)
    {
        var tools = Locate();
        var cache = new CapabilityCache(Path.Combine(StoreLocation.HomeFromEnvironment(), CapabilityCache.FileName));
        var check = new ToolchainCheck(runner, cache, Environment.GetEnvironmentVariable("PATH"));
        return await check.CheckAsync(tools.Ffmpeg, tools.Ffprobe, fresh, cancellationToken) switch
        {
            ToolchainOutcome.Ready ready => (tools, ready.Capabilities),
            ToolchainOutcome.FfprobeUnusable => throw Missing(tools.Ffprobe, "SPOOL_FFPROBE", "ffprobe"),
            _ => throw Missing(tools.Ffmpeg, "SPOOL_FFMPEG", "ffmpeg"),
        };
    }

    /// <summary>Names the variable when the user chose the path, so the fix is where they set it.</summary>
    private static EnvironmentException Missing(string program, string variable, string name) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 }
            ? new($"{variable} is '{program}', which cannot run. Point it at an {name} binary, or unset it to use the one on PATH.")
            : new($"'{program}' cannot run. Install ffmpeg (Debian: apt-get install ffmpeg) or run ./spool, which installs it.");
}
