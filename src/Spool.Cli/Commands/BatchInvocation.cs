using System.CommandLine;
using Spool.Core.Discovery;
using Spool.Core.Operations;
using Spool.Core.Planning;

namespace Spool.Cli.Commands;

/// <summary>What a parsed process/process-list/plan command line asks for, checked: bad values are usage errors (exit 2).</summary>
internal sealed record BatchInvocation(IReadOnlyList<DiscoveredInput> Inputs, BatchSettings Settings, bool Quiet)
{
    public static async Task<BatchInvocation> FromAsync(ParseResult parse, BatchOptions options, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var catalog = await PresetSource.LoadAsync(parse.GetValue(options.PresetFile), cancellationToken);
        var presets = PresetSource.Select(catalog, parse.GetValue(options.Preset));
        var workingDirectory = Directory.GetCurrentDirectory();
        var inputs = InputDiscovery.Discover(new DiscoveryRequest(paths, parse.GetValue(options.Recursive), parse.GetValue(options.Pattern), workingDirectory));
        if (inputs.Count == 0)
        {
            throw new UsageException($"no video files found in {string.Join(", ", paths)} (folders are scanned for video extensions; name files explicitly to try others).");
        }

        var timeout = parse.GetValue(options.Timeout);
        if (timeout is <= 0)
        {
            throw new UsageException("--timeout must be a positive number of seconds.");
        }

        var planOptions = new PlanOptions
        {
            Quality = parse.GetValue(options.Quality) is { } quality ? Enum.Parse<QualityLevel>(quality, ignoreCase: true) : QualityLevel.Medium,
            Mode = parse.GetValue(options.Mode) is { } mode ? Enum.Parse<EncodeMode>(mode.Replace("_", "", StringComparison.Ordinal), ignoreCase: true) : null,
        };
        var settings = new BatchSettings(
            presets,
            planOptions,
            Path.GetFullPath(parse.GetValue(options.Output)!, workingDirectory),
            parse.GetValue(options.MaxConcurrent),
            parse.GetValue(options.ErrorHandling) == "stop" ? ErrorHandling.Stop : ErrorHandling.Continue,
            Environment.ProcessorCount)
        {
            Timeout = timeout is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            StallTimeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(options.StallTimeout))),
        };
        return new BatchInvocation(inputs, settings, parse.GetValue(options.Quiet));
    }
}
