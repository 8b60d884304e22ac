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
    OutputCheck? Qc);

public sealed record ErrorReport(string Category, string Message, string Hint);

/// <summary>summary/error_log.json: every failed job with its stderr tail, and the failures grouped by category.</summary>
public sealed record ErrorLog(string BatchId, IReadOnlyList<ErrorGroup> Groups, IReadOnlyList<ErrorEntry> Errors);

public sealed record ErrorGroup(string Category, string Hint, int Count, IReadOnlyList<string> Inputs);

public sealed record ErrorEntry(string Input, string Preset, string Category, string Message, string Hint, string? StderrTail, string? Log);

/// <summary>summary/processing_metrics.json: how long things took and what they saved.</summary>
public sealed record ProcessingMetrics(
    string BatchId,
    double WallSeconds,
    double SourceMinutes,
    double FilesPerHour,
    double OutputMinutesPerHour,
    double? RealtimeFactor,
    long InputBytes,
    long OutputBytes,
    double? CompressionRatio,
    IReadOnlyList<JobTiming> Jobs);

public sealed record JobTiming(string Input, string Preset, string Status, double? Seconds, bool Fused);
