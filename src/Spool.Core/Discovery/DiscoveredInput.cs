namespace Spool.Core.Discovery;

/// <summary>
/// One input of a batch. <see cref="OutputName"/> is the folder and file stem its outputs use, relative to
/// --output: the stem under its relative folder for recursive scans, made unique across the batch.
/// </summary>
public sealed record DiscoveredInput(string Path, string OutputName);
