using System.Text.Json;
using Spool.Core.Operations;
using Spool.Core.Reporting;
using Spool.Media.Errors;

namespace Spool.Core.Tests.Reporting;

public sealed class ProcessingMetricsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    // 2 inputs, 120 s wall: a.mp4 (60 s, 1000 bytes) gives two outputs (250 + 150 bytes); b.mp4 (30 s) fails.
    private static BatchResult Batch()
    {
        JobResult Job(string input, string preset, JobStatus status, double seconds, long? output) =>
            new(input, preset, status, output is null ? null : $"/out/{preset}.mp4", 1, Start, Start.AddSeconds(seconds), status == JobStatus.Failed ? MediaError.Of(ErrorCategory.InputCorrupt, "bad") : null, null)
            {
                InputBytes = 1000,
                OutputBytes = output,
                SourceDurationSeconds = input.EndsWith("a.mp4", StringComparison.Ordinal) ? 60 : 30,
            };
        return new BatchResult(
            "batch_20261122_100000", "/out", 2,
            [
                Job("/in/a.mp4", "web_optimized", JobStatus.Succeeded, 40, 250),
                Job("/in/a.mp4", "mobile_optimized", JobStatus.Succeeded, 30, 150),
                Job("/in/b.mp4", "web_optimized", JobStatus.Failed, 2, null),
                new("/in/c.mp4", "web_optimized", JobStatus.Skipped, null, 0, null, null, null, null),
            ],
            Start, Start.AddSeconds(120), Interrupted: false);
    }

    private static readonly ReportExtras Extras = new()
    {
        JobCpuSeconds = new Dictionary<JobKey, double> { [new("/in/a.mp4", "web_optimized")] = 150.5, [new("/in/a.mp4", "mobile_optimized")] = 60.25 },
        PeakCpuPercent = 1534.26,
        PeakMemoryBytes = 2_000_000_000,
    };

    [Fact]
    public void Metrics_values_are_exact_for_a_constructed_batch()
    {
        var m = BatchReportBuilder.Metrics(Batch(), Extras);

        Assert.Equal(120, m.WallSeconds);
        Assert.Equal(210.75, m.CpuSeconds);
        Assert.Equal(1.5, m.SourceMinutes);
        Assert.Equal(2, m.OutputMinutes);
        Assert.Equal(60, m.FilesPerHour);
        Assert.Equal(60, m.OutputMinutesPerHour);
        Assert.Equal(1, m.RealtimeFactor);
        Assert.Equal(1534.3, m.PeakCpuPercent);
        Assert.Equal(2_000_000_000, m.PeakMemoryBytes);
        Assert.Equal(1000, m.InputBytes);
        Assert.Equal(400, m.OutputBytes);
        Assert.Equal(0.4, m.CompressionRatio);
        Assert.Equal(600, m.SpaceSavedBytes);
        Assert.Equal(new JobTiming("/in/a.mp4", "web_optimized", "succeeded", 40, 150.5, false), m.Jobs[0]);
        Assert.Equal(new JobTiming("/in/c.mp4", "web_optimized", "skipped", null, null, false), m.Jobs[3]);
        Assert.Equal([40.0, 30.0, 2.0], m.SlowestJobs.Select(job => job.Seconds!.Value));
    }

    [Fact]
    public void Without_measurements_cpu_and_peaks_are_null()
    {
        var m = BatchReportBuilder.Metrics(Batch());

        Assert.Null(m.CpuSeconds);
        Assert.Null(m.PeakCpuPercent);
        Assert.Null(m.PeakMemoryBytes);
        Assert.All(m.Jobs, job => Assert.Null(job.CpuSeconds));
    }

    [Fact]
    public void Slowest_jobs_are_the_top_five_by_seconds_ties_by_input()
    {
        var jobs = Enumerable.Range(1, 8)
            .Select(i => new JobResult($"/in/{i}.mp4", "auto", JobStatus.Succeeded, "/out/x.mp4", 1, Start, Start.AddSeconds(i * 10 % 7), null, null))
            .ToList();
        var batch = new BatchResult("b", "/out", 8, jobs, Start, Start.AddSeconds(100), false);

        var slowest = BatchReportBuilder.Metrics(batch).SlowestJobs;

        Assert.Equal(["/in/2.mp4", "/in/4.mp4", "/in/6.mp4", "/in/1.mp4", "/in/8.mp4"], slowest.Select(job => job.Input));
    }

    [Fact]
    public void Metrics_json_names_every_field()
    {
        var json = JsonSerializer.SerializeToElement(BatchReportBuilder.Metrics(Batch(), Extras), ReportJson.Options);

        Assert.Equal(
            [
                "batch_id", "wall_seconds", "cpu_seconds", "source_minutes", "output_minutes", "files_per_hour", "output_minutes_per_hour",
                "realtime_factor", "peak_cpu_percent", "peak_memory_bytes", "input_bytes", "output_bytes", "compression_ratio",
                "space_saved_bytes", "jobs", "slowest_jobs",
            ],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["input", "preset", "status", "seconds", "cpu_seconds", "fused", "peak_memory_bytes", "operations"], json.GetProperty("jobs")[0].EnumerateObject().Select(p => p.Name));
    }
}
