namespace Spool.Core.Operations;

/// <summary>
/// One media operation that ran for a job besides its encode — an analysis pass (loudness, stabilisation, colour)
/// or a step (thumbnails, sprite, HLS, subtitles) — with how long it took and what it found or wrote.
/// </summary>
public sealed record OperationRecord(string Name, double Seconds, IReadOnlyDictionary<string, string> Details);
