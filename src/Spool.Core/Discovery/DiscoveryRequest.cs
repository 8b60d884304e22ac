namespace Spool.Core.Discovery;

/// <summary>What the user named: paths (files, folders or glob patterns), and how to scan folders.</summary>
public sealed record DiscoveryRequest(IReadOnlyList<string> Paths, bool Recursive, string? Pattern, string WorkingDirectory)
{
    /// <summary>The batch's --output folder: never scanned for inputs, even before it exists or holds a marker.</summary>
    public string? OutputDirectory { get; init; }
}
