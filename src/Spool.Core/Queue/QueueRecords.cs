using Spool.Media.Errors;
using Spool.Media.Probing;

namespace Spool.Core.Queue;

/// <summary>A batch to create, with all of its jobs, in one transaction.</summary>
public sealed record NewBatch(string Id, BatchPriority Priority, string OutputDirectory, string OptionsJson, int TotalInputs, IReadOnlyList<NewJob> Jobs)
{
    /// <summary>
    /// The probe taken at submit, by input index, for the inputs that probed: their jobs read it instead of running
    /// ffprobe again while the file keeps its size and time. An input missing here is probed when its jobs run.
    /// </summary>
    public IReadOnlyDictionary<int, ProbeCapture> Probes { get; init; } = new Dictionary<int, ProbeCapture>();
}

/// <summary>
/// One (input, preset) job. Jobs of the same batch and <see cref="InputIndex"/> form one work item: they are claimed
/// together and run as one ffmpeg. <see cref="SortKey"/> orders work within a priority: higher first.
/// </summary>
public sealed record NewJob(int InputIndex, string InputPath, string OutputName, string Preset, double SortKey, int MaxAttempts)
{
    /// <summary>Set on a chunk job: which output's video it encodes a part of. Null for every other job.</summary>
    public JobChunk? Chunk { get; init; }
}

/// <summary>
/// One chunk of an output's video, a job of its own: claimed alone (not with its input's other jobs), and the output's
/// own job (<see cref="Of"/>, the join) is claimed only once every chunk of its input has ended. Times in seconds
/// from the input's start; <see cref="End"/> null runs to the end of the input.
/// </summary>
public sealed record JobChunk(string Of, int Index, int Count, double Start, double? End)
{
    /// <summary>The job name of chunk <paramref name="index"/> of <paramref name="preset"/>'s output: "web_optimized#chunk2".</summary>
    public static string JobName(string preset, int index) => preset + "#chunk" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record BatchRecord(
    string Id,
    BatchPriority Priority,
    string OutputDirectory,
    string OptionsJson,
    int TotalInputs,
    BatchLifecycle Lifecycle,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);

/// <summary>Who holds a lease: enough to tell, on the same host, whether the holder process is still alive.</summary>
public sealed record LeaseHolder(string WorkerId, string Host, int ProcessId, long ProcessStartTicks);

public sealed record JobRecord(
    long Id,
    string BatchId,
    int InputIndex,
    string InputPath,
    string OutputName,
    string Preset,
    JobState State,
    int Attempts,
    int MaxAttempts,
    long LeaseToken,
    LeaseHolder? Holder,
    DateTimeOffset? LeaseExpiresAt,
    bool CancelRequested,
    JobProgressRecord? Progress,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    JobResultRecord? Result,
    int Crashes)
{
    /// <summary>Set on a chunk job (see <see cref="JobChunk"/>).</summary>
    public JobChunk? Chunk { get; init; }
}

/// <summary>Live progress of a running job, written with its heartbeat.</summary>
public sealed record JobProgressRecord(double? Percent, double? Fps, double? Speed);

/// <summary>What a finished (or failed) attempt leaves on the job.</summary>
public sealed record JobResultRecord(
    string? Output,
    MediaError? Error,
    string? QcJson,
    string? StderrTail,
    string? LogPath,
    long? InputBytes,
    long? OutputBytes,
    double? SourceDurationSeconds,
    bool Fused)
{
    /// <summary>CPU time of the ffmpeg run that made this result (a fused run's time shared out among its outputs).</summary>
    public double? CpuSeconds { get; init; }

    public long? PeakMemoryBytes { get; init; }

    /// <summary>JSON of the job's <see cref="Operations.OperationRecord"/> list; null when none ran.</summary>
    public string? OperationsJson { get; init; }

    /// <summary>JSON of the job's <see cref="Operations.JobWarning"/> list; null when there are none.</summary>
    public string? WarningsJson { get; init; }

    /// <summary>The preset whose identical output was copied to make this job's; null when it was encoded.</summary>
    public string? CopiedFrom { get; init; }

    /// <summary>How the output was made ("encode", "copy", "copy_video"); null for a job that made no video output.</summary>
    public string? Method { get; init; }

    /// <summary>Why a skipped job did no work ("up to date"); null otherwise.</summary>
    public string? Reason { get; init; }
}

/// <summary>One run of a job: kept for every attempt, interrupted ones included.</summary>
public sealed record AttemptRecord(
    int Number,
    string Outcome,
    string? CommandLine,
    int? ExitCode,
    string? StderrTail,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt);

/// <summary>A claimed work item: one input of one batch with the jobs claimed for it, each with its fencing token.</summary>
public sealed record WorkClaim(BatchRecord Batch, int InputIndex, string InputPath, string OutputName, IReadOnlyList<ClaimedJob> Jobs);

public sealed record ClaimedJob(long JobId, string Preset, long LeaseToken, int Attempt, DateTimeOffset StartedAt)
{
    /// <summary>The job's attempt limit: transient failures are retried in place until <see cref="Attempt"/> reaches it.</summary>
    public int MaxAttempts { get; init; } = 1;

    /// <summary>Set when the claimed job is a chunk: it was claimed alone.</summary>
    public JobChunk? Chunk { get; init; }
}

/// <summary>What a heartbeat learned: the lease is still ours, it is gone (stop and discard), or the user cancelled.</summary>
public enum LeaseStatus
{
    Held,
    Lost,
    CancelRequested,
}

/// <summary>A terminal outcome for a leased job, with the attempt that produced it.</summary>
public sealed record JobCompletion(JobState State, JobResultRecord Result, AttemptRecord Attempt);

/// <summary>A named point in a batch: every job's state when it was taken.</summary>
public sealed record Checkpoint(string BatchId, string Name, DateTimeOffset CreatedAt, IReadOnlyDictionary<long, JobState> States);
