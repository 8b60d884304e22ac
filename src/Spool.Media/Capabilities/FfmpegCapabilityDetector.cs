using Spool.Media.Processes;

namespace Spool.Media.Capabilities;

/// <summary>
/// Asks the local ffmpeg what it can do. Returns null when ffmpeg cannot run or answers like something else; what
/// that means for the user (exit code 3) is the CLI's decision.
/// </summary>
public sealed class FfmpegCapabilityDetector
{
    private static readonly TimeSpan ListingTimeout = TimeSpan.FromSeconds(30);

    private readonly IProcessRunner runner;

    public FfmpegCapabilityDetector(IProcessRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        this.runner = runner;
    }

    /// <summary>Runs ffmpeg's four listings; null when any of them fails. Cancellation throws, as a token promises.</summary>
    public async Task<FfmpegCapabilities?> DetectAsync(string ffmpegPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ffmpegPath);
        var version = await ListAsync(ffmpegPath, "-version", cancellationToken);
        if (version is null || FfmpegCapabilityParser.ParseVersion(version) is not { } versionText)
        {
            return null;
        }

        // One at a time: a batch promises never to run more ffmpeg processes than --max-concurrent, start-up included.
        var listings = new[]
        {
            await ListAsync(ffmpegPath, "-encoders", cancellationToken),
            await ListAsync(ffmpegPath, "-filters", cancellationToken),
            await ListAsync(ffmpegPath, "-hwaccels", cancellationToken),
        };
        if (listings is not [{ } encoders, { } filters, { } hwaccels])
        {
            return null;
        }

        return new FfmpegCapabilities(
            versionText,
            FfmpegCapabilityParser.ParseEncoders(encoders),
            FfmpegCapabilityParser.ParseFilters(filters),
            FfmpegCapabilityParser.ParseHardwareAccelerations(hwaccels));
    }

    private async Task<string?> ListAsync(string ffmpegPath, string listing, CancellationToken cancellationToken)
    {
        var request = new ProcessRequest(ffmpegPath, ["-hide_banner", "-nostdin", listing])
        {
            Timeout = ListingTimeout,
            GracefulStopWait = TimeSpan.Zero,
        };
        var result = await runner.RunAsync(request, progress: null, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return result.Succeeded ? result.Stdout : null;
    }
}
