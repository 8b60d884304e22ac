using Spool.Core.Planning;
using Spool.Media.Errors;
using Spool.Media.Processes;

namespace Spool.Core.Steps.Cleanup;

/// <summary>The clean-up asked for one input; null or false leaves that part out.</summary>
public sealed record CleanupRequest(
    LoudnessTarget? Normalize,
    bool DenoiseAudio,
    bool Stabilize,
    ColorRequest? Color,
    bool DenoiseVideo)
{
    public static CleanupRequest None { get; } = new(null, false, false, null, false);

    public bool IsEmpty => Normalize is null && !DenoiseAudio && !Stabilize && Color is null && !DenoiseVideo;
}

/// <summary>One analysis pass that ran: its name ("loudness_analysis"…), how long it took, what it found.</summary>
public sealed record StepTiming(string Name, double Seconds, IReadOnlyDictionary<string, string> Details);

/// <summary>
/// What the clean-up analysis gives the planner: the adjustments to encode with, one timing per pass run, and the
/// runs for the job's log; or, when a pass failed, its classified error (the runs still go to the log).
/// <see cref="Notes"/> are things the user should know that are not errors ("no audio: loudness left alone").
/// </summary>
public sealed record CleanupPreparation
{
    public EncodeAdjustments Adjustments { get; init; } = EncodeAdjustments.None;

    public MediaError? Error { get; init; }

    public IReadOnlyList<StepTiming> Timings { get; init; } = [];

    public IReadOnlyList<ProcessResult> Runs { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    public bool Succeeded => Error is null;
}
