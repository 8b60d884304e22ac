using Spool.Media.Processes;

namespace Spool.Media.Capabilities;

/// <summary>
/// Whether ffmpeg and ffprobe run, and what ffmpeg can do: from the cache when the binaries are the ones it was
/// taken from, else from ffmpeg's listings and "ffprobe -version" (and then kept). <c>fresh</c> always asks.
/// </summary>
public sealed class ToolchainCheck(IProcessRunner runner, CapabilityCache? cache, string? searchPath)
{
    public async Task<ToolchainOutcome> CheckAsync(string ffmpeg, string ffprobe, bool fresh, CancellationToken cancellationToken)
    {
        var key = cache is null ? null : ToolFingerprint.Of(ffmpeg, ffprobe, searchPath);
        if (!fresh && key is not null && await cache!.ReadAsync(key, cancellationToken) is { } cached)
        {
            return new ToolchainOutcome.Ready(cached, FromCache: true);
        }

        if (await new FfmpegCapabilityDetector(runner).DetectAsync(ffmpeg, cancellationToken) is not { } capabilities)
        {
            return new ToolchainOutcome.FfmpegUnusable();
        }

        var version = new ProcessRequest(ffprobe, ["-hide_banner", "-version"]) { Timeout = TimeSpan.FromSeconds(30) };
        if (!(await runner.RunAsync(version, progress: null, cancellationToken)).Succeeded)
        {
            return new ToolchainOutcome.FfprobeUnusable();
        }

        if (key is not null)
        {
            await cache!.WriteAsync(key, capabilities, cancellationToken);
        }

        return new ToolchainOutcome.Ready(capabilities, FromCache: false);
    }
}

/// <summary>What <see cref="ToolchainCheck"/> found.</summary>
public abstract record ToolchainOutcome
{
    private ToolchainOutcome()
    {
    }

    public sealed record Ready(FfmpegCapabilities Capabilities, bool FromCache) : ToolchainOutcome;

    public sealed record FfmpegUnusable : ToolchainOutcome;

    public sealed record FfprobeUnusable : ToolchainOutcome;
}
