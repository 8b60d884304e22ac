using Spool.Media.Errors;
using Spool.Media.Processes;

namespace Spool.Core.Steps;

/// <summary>
/// What a step produced: its complete files (absolute paths; the first is the main one, e.g. master.m3u8), or the
/// classified error; details worth reporting (measurements, counts), and the ffmpeg runs behind it for the job log.
/// </summary>
public sealed record StepOutcome
{
    public IReadOnlyList<string> Files { get; init; } = [];

    public MediaError? Error { get; init; }

    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyList<ProcessResult> Runs { get; init; } = [];

    public bool Succeeded => Error is null;

    public static StepOutcome Done(IReadOnlyList<string> files, IReadOnlyList<ProcessResult> runs) => new() { Files = files, Runs = runs };

    public static StepOutcome Failed(MediaError error, IReadOnlyList<ProcessResult> runs) => new() { Error = error, Runs = runs };
}
