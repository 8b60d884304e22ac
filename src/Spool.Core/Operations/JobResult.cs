using Spool.Core.Quality;
using Spool.Media.Errors;

namespace Spool.Core.Operations;

public enum JobStatus
{
    Succeeded,
    Failed,
    Skipped,
    Cancelled,
}

/// <summary>How one (input, preset) job ended. Paths are absolute; times are UTC.</summary>
public sealed record JobResult(
    string Input,
    string Preset,
    JobStatus Status,
    string? Output,
    int Attempts,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    MediaError? Error,
    OutputCheck? Qc)
{
    public string? StderrTail { get; init; }

    public string? LogPath { get; init; }

    public long? InputBytes { get; init; }

    public long? OutputBytes { get; init; }

    public double? SourceDurationSeconds { get; init; }

    /// <summary>The ffmpeg command line of the run that decided this result, as logged.</summary>
    public string? CommandLine { get; init; }

    public int? ExitCode { get; init; }

    /// <summary>ffmpeg CPU seconds spent on this job: a fused run's time shared out equally among its outputs.</summary>
    public double? CpuSeconds { get; init; }

    /// <summary>Peak resident memory of the ffmpeg run behind this job (a fused run's peak shared out among its outputs).</summary>
    public long? PeakMemoryBytes { get; init; }

    /// <summary>The media operations that ran for this job besides the encode (analysis passes, steps), with their timings.</summary>
    public IReadOnlyList<OperationRecord> Operations { get; init; } = [];

    /// <summary>What the user should know though the job did not fail on it (e.g. source_damaged, with times).</summary>
    public IReadOnlyList<JobWarning> Warnings { get; init; } = [];

    /// <summary>Whether the output came from the one-decode run shared with the input's other presets.</summary>
    public bool Fused { get; init; }

    /// <summary>The preset whose identical output was copied to make this one, instead of encoding it again; null when encoded.</summary>
    public string? CopiedFrom { get; init; }

    /// <summary>Set on a chunk job: the output it is a part of, its number and span.</summary>
    public Queue.JobChunk? Chunk { get; init; }

    /// <summary>How the output was made ("encode", "copy", "copy_video", see <see cref="Planning.OutputMethod"/>); null for a job that made no video output.</summary>
    public string? Method { get; init; }

    /// <summary>Why a skipped job did no work ("up to date"); null otherwise.</summary>
    public string? Reason { get; init; }

    /// <summary>What this success made, for the store's record of outputs made; null when there is nothing to record.</summary>
    public Queue.DoneOutput? Made { get; init; }
}
