namespace Spool.Core.Discovery;

/// <summary>What the user named: paths (files, folders or glob patterns), and how to scan folders.</summary>
public sealed record DiscoveryRequest(IReadOnlyList<string> Paths, bool Recursive, string? Pattern, string WorkingDirectory);
