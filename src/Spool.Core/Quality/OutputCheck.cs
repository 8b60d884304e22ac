namespace Spool.Core.Quality;

/// <summary>What the post-encode check measured on one output, and what it found wrong (empty when it passed).</summary>
public sealed record OutputCheck(
    bool Passed,
    int? Width,
    int? Height,
    double? DurationSeconds,
    double? DurationDeltaSeconds,
    bool HasAudio,
    int Rotation,
    IReadOnlyList<string> Problems);
