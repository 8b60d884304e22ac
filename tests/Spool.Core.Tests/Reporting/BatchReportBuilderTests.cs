using System.Text.Json;
using Spool.Core.Operations;
using Spool.Core.Reporting;
using Spool.Media.Errors;

namespace Spool.Core.Tests.Reporting;

public sealed class BatchReportBuilderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static BatchResult Batch()
    {
        var ok = new JobResult("/in/a.mp4", "web_optimized", JobStatus.Succeeded, "/out/a/video/a_web_optimized.mp4", 1, Start, Start.AddSeconds(4), null, null)
        {
            InputBytes = 1000,
            OutputBytes = 250,
            SourceDurationSeconds = 60,
        };
        var corrupt = MediaError.Of(ErrorCategory.InputCorrupt, "moov atom not found");
        var bad = new JobResult("/in/b.mp4", "web_optimized", JobStatus.Failed, null, 1, Start, Start.AddSeconds(1), corrupt, null) { StderrTail = "moov atom not found" };
        var bad2 = bad with { Preset = "mobile_optimized" };
        var audioOnly = new JobResult("/in/c.m4a", "web_optimized", JobStatus.Failed, null, 1, Start, Start.AddSeconds(1), MediaError.Of(ErrorCategory.NoVideoStream, "no video"), null);
        return new BatchResult("batch_20261122_100000", "/out", 3, [ok, bad, bad2, audioOnly], Start, Start.AddSeconds(10), Interrupted: false);
    }

    [Fact]
    public void Batch_report_has_exactly_the_contract_fields()
    {
        var json = JsonSerializer.SerializeToElement(BatchReportBuilder.Report(Batch()), ReportJson.Options);
        Assert.Equal(["batch_id", "summary", "jobs"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["total_inputs", "total_jobs", "succeeded", "failed", "skipped", "cancelled", "wall_seconds"],
            json.GetProperty("summary").EnumerateObject().Select(p => p.Name));
        var job = json.GetProperty("jobs")[1];
        Assert.Equal(
            ["input", "preset", "status", "output", "attempts", "started_at", "finished_at", "error", "qc"],
            job.EnumerateObject().Select(p => p.Name));
        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Equal("input_corrupt", job.GetProperty("error").GetProperty("category").GetString());
        Assert.Equal("2026-11-22T10:00:01.000Z", job.GetProperty("finished_at").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("jobs")[0].GetProperty("error").ValueKind);
    }

    [Fact]
    public void Summary_counts_each_status()
    {
        var summary = BatchReportBuilder.Report(Batch()).Summary;
        Assert.Equal(new BatchSummary(3, 4, 1, 3, 0, 0, 10), summary);
    }

    [Fact]
    public void Error_log_groups_failures_by_category_with_their_inputs()
    {
        var log = BatchReportBuilder.Errors(Batch());
        Assert.Equal(["input_corrupt", "no_video_stream"], log.Groups.Select(group => group.Category));
        Assert.Equal(2, log.Groups[0].Count);
        Assert.Equal(["/in/b.mp4"], log.Groups[0].Inputs);
        Assert.Equal(3, log.Errors.Count);
        Assert.Equal("moov atom not found", log.Errors[0].StderrTail);
    }

    [Fact]
    public void Metrics_count_compression_and_realtime_factor_from_succeeded_jobs()
    {
        var metrics = BatchReportBuilder.Metrics(Batch());
        Assert.Equal(0.25, metrics.CompressionRatio);
        Assert.Equal(6.0, metrics.RealtimeFactor);
        Assert.Equal(4, metrics.Jobs.Count);
    }

    [Fact]
    public void Exit_code_is_one_when_any_job_failed_and_130_when_interrupted()
    {
        Assert.Equal(1, Batch().ExitCode);
        Assert.Equal(130, (Batch() with { Interrupted = true }).ExitCode);
        Assert.Equal(0, (Batch() with { Jobs = [Batch().Jobs[0]] }).ExitCode);
    }
}
