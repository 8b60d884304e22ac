using System.Text.Json.Serialization;
using Spool.Core.Operations;
using Spool.Core.Quality;

namespace Spool.Core.Reporting;

/// <summary>summary/batch_report.json, field for field as DESIGN.md fixes it.</summary>
public sealed record BatchReport(string BatchId, BatchSummary Summary, IReadOnlyList<JobReport> Jobs);

public sealed record BatchSummary(int TotalInputs, int TotalJobs, int Succeeded, int Failed, int Skipped, int Cancelled, double WallSeconds);

public sealed record JobReport(
    string Input,
    string Preset,
    string Status,
    string? Output,
    int Attempts,
    string? StartedAt,
    string? FinishedAt,
    ErrorReport? Error,
    OutputCheck? Qc)
{
    /// <summary>Warnings that did not fail the job (source_damaged with its times); absent when there are none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<JobWarning>? Warnings { get; init; }

    /// <summary>The preset whose identical output was copied to make this one instead of encoding it again; absent when encoded.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CopiedFrom { get; init; }

    /// <summary>
    /// On a chunk job (its preset is "&lt;preset&gt;#chunk&lt;n&gt;"): the output it is a part of ("of"), its number of
    /// how many, and its span in seconds of the source ("end" null: to the end). Absent on every other job.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Queue.JobChunk? Chunk { get; init; }

    /// <summary>How the output was made: "encode", "copy" (every stream remuxed) or "copy_video" (video remuxed, audio encoded); absent for steps.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Method { get; init; }

    /// <summary>Why a skipped job did no work ("up to date"); absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }
}

public sealed record ErrorReport(string Category, string Message, string Hint);

/// <summary>summary/error_log.json: every failed job with its stderr tail, and the failures grouped by category.</summary>
public sealed record ErrorLog(string BatchId, IReadOnlyList<ErrorGroup> Groups, IReadOnlyList<ErrorEntry> Errors);

public sealed record ErrorGroup(string Category, string Hint, int Count, IReadOnlyList<string> Inputs)
{
    /// <summary>A rule-based remark beside the hint (every failure in one folder, say); null when none applies.</summary>
    public string? Note { get; init; }
}

public sealed record ErrorEntry(string Input, string Preset, string Category, string Message, string Hint, string? StderrTail, string? Log);

/// <summary>
/// summary/processing_metrics.json: how long things took and what they saved. CPU and peak values are null when the
/// runner did not measure them. Rates are per hour of wall time; the realtime factor is output seconds per wall second.
/// </summary>
public sealed record ProcessingMetrics(
    string BatchId,
    double WallSeconds,
    double? CpuSeconds,
    double SourceMinutes,
    double OutputMinutes,
    double FilesPerHour,
    double OutputMinutesPerHour,
    double? RealtimeFactor,
    double? PeakCpuPercent,
    long? PeakMemoryBytes,
    long InputBytes,
    long OutputBytes,
    double? CompressionRatio,
    long SpaceSavedBytes,
    IReadOnlyList<JobTiming> Jobs,
    IReadOnlyList<JobTiming> SlowestJobs);

public sealed record JobTiming(string Input, string Preset, string Status, double? Seconds, double? CpuSeconds, bool Fused)
{
    public long? PeakMemoryBytes { get; init; }

    /// <summary>The media operations beside the encode (analysis passes, steps) and their timings.</summary>
    public IReadOnlyList<OperationRecord> Operations { get; init; } = [];
}
