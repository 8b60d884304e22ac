namespace Spool.Core.Quality;

/// <summary>What the plan promised an output would be.</summary>
public sealed record OutputExpectation(int Width, int Height, bool HasAudio, double? DurationSeconds);
