using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Spool.EndToEnd.Tests.Fixtures;
using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;

namespace Spool.EndToEnd.Tests;

/// <summary>The edge-case batch's exit code, console and evidence: batch_report.json, error_log.json and per-job logs.</summary>
[Collection(EdgeBatchGroup.Name)]
public sealed partial class EdgeCaseReportTests(EdgeCaseBatchFixture batch)
{
    private static readonly string[] TopFields = ["batch_id", "summary", "jobs"];
    private static readonly string[] SummaryFields = ["total_inputs", "total_jobs", "succeeded", "failed", "skipped", "cancelled", "wall_seconds"];
    private static readonly string[] JobFields = ["input", "preset", "status", "output", "attempts", "started_at", "finished_at", "error", "qc"];
    private static readonly string[] ErrorFields = ["category", "message", "hint"];

    [Fact]
    public void Batch_exits_1_and_prints_its_id_before_the_work()
    {
        Assert.True(batch.Run.ExitCode == 1, "A batch with broken inputs must exit 1.\n" + batch.Run.Describe());
        var lines = batch.Run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var idLine = Array.FindIndex(lines, line => BatchId().IsMatch(line));
        Assert.True(idLine >= 0, "stdout never prints a batch id like batch_YYYYMMDD_HHMMSS:\n" + batch.Run.Stdout);
        var firstWork = Array.FindIndex(lines, line => EdgeCases.All.Any(edge => line.Contains(edge.FileName, StringComparison.Ordinal)));
        Assert.True(firstWork < 0 || idLine < firstWork, $"The batch id (line {idLine + 1}) comes after the first job line (line {firstWork + 1}):\n{batch.Run.Stdout}");
        Assert.Equal(batch.Report.BatchId, BatchId().Match(lines[idLine]).Value);
    }

    [Fact]
    public void Batch_report_has_exactly_the_documented_fields()
    {
        var report = batch.Report;
        var problems = new Problems();
        CheckFields(problems, "batch_report.json", report.Root, TopFields);
        CheckFields(problems, "summary", report.Summary, SummaryFields);
        problems.Check(FullBatchId().IsMatch(report.BatchId), $"batch_id '{report.BatchId}' is not batch_YYYYMMDD_HHMMSS");

        var valid = EdgeCases.ValidCases.Count();
        var broken = EdgeCases.BrokenCases.Count();
        var presets = EdgeCaseBatchFixture.Presets.Count;
        (string Field, int Expected)[] counts =
        [
            ("total_inputs", valid + broken), ("total_jobs", (valid + broken) * presets), ("succeeded", valid * presets),
            ("failed", broken * presets), ("skipped", 0), ("cancelled", 0),
        ];
        foreach (var (field, expected) in counts)
        {
            problems.Check(report.SummaryCount(field) == expected, $"summary.{field} is {report.SummaryCount(field)}, expected {expected}");
        }

        problems.Check(report.Summary.GetProperty("wall_seconds").GetDouble() > 0, "summary.wall_seconds is not positive");
        problems.Check(report.Jobs.Count == (valid + broken) * presets, $"jobs has {report.Jobs.Count} entries, expected {(valid + broken) * presets}");
        foreach (var job in report.Jobs)
        {
            CheckJob(problems, job);
        }

        problems.AssertNone(report.Jobs.Count, "jobs");
    }

    [Fact]
    public async Task Error_log_lists_every_failure()
    {
        var path = Path.Combine(batch.OutputFolder, "summary", "error_log.json");
        Assert.True(File.Exists(path), $"{path} does not exist");
        using var log = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var listed = Objects(log.RootElement)
            .Where(o => o.TryGetProperty("input", out var i) && i.ValueKind == JsonValueKind.String && o.TryGetProperty("preset", out _))
            .Select(o => (Input: o.GetProperty("input").GetString(), Preset: o.GetProperty("preset").GetString(), Category: o.TryGetProperty("category", out var c) ? c.GetString() : null))
            .ToList();
        var problems = new Problems();
        var failed = batch.Report.Jobs.Where(job => job.Status == "failed").ToList();
        foreach (var job in failed)
        {
            problems.Check(
                listed.Any(entry => entry.Input == job.Input && entry.Preset == job.Preset && entry.Category == job.ErrorCategory),
                $"{job.Describe}: failed as {job.ErrorCategory} but error_log.json has no entry for it with that category");
        }

        problems.AssertNone(failed.Count, "failed jobs");
    }

    [Fact]
    public void Every_job_leaves_a_log_with_the_ffmpeg_command_first()
    {
        var problems = new Problems();
        foreach (var job in batch.Report.Jobs)
        {
            var name = job.Output is { } output
                ? Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(output)))!
                : Path.GetFileNameWithoutExtension(job.Input);
            var metadata = Path.Combine(batch.OutputFolder, name, "metadata");
            var logs = Directory.Exists(metadata)
                ? Directory.GetFiles(metadata, "*.log").Where(log => Path.GetFileName(log).Contains(job.Preset, StringComparison.Ordinal)).ToList()
                : [];
            if (logs.Count != 1)
            {
                problems.Add($"{job.Describe}: expected one log naming {job.Preset} under {metadata}, found {logs.Count}");
                continue;
            }

            var first = File.ReadLines(logs[0]).FirstOrDefault() ?? "";
            if (job.Status == "succeeded")
            {
                var program = first.Split(' ')[0];
                problems.Check(
                    program.EndsWith("ffmpeg", StringComparison.Ordinal) && first.Contains("file:", StringComparison.Ordinal),
                    $"{job.Describe}: the first line of {logs[0]} is not an ffmpeg command line with file: paths: {first}");
            }
            else
            {
                problems.Check(first.Length > 0, $"{job.Describe}: the log {logs[0]} of a failed job is empty");
            }
        }

        problems.AssertNone(batch.Report.Jobs.Count, "jobs");
    }

    private static void CheckJob(Problems problems, ReportedJob job)
    {
        // "method" (issue 12) says how a planned output was made; a job that failed before planning has none.
        var method = job.Raw.TryGetProperty("method", out var value) ? value.GetString() : null;
        problems.Check(method is null or "encode" or "copy" or "copy_video", $"{job.Describe}: method '{method}' is not encode, copy or copy_video");
        problems.Check(job.Status != "succeeded" || method is not null, $"{job.Describe}: a succeeded job has no method");
        CheckFields(problems, $"job {job.Describe}", job.Raw, method is null ? JobFields : [.. JobFields, "method"]);
        if (job.Raw.GetProperty("error").ValueKind == JsonValueKind.Object)
        {
            CheckFields(problems, $"job {job.Describe} error", job.Raw.GetProperty("error"), ErrorFields);
        }

        problems.Check(Path.IsPathFullyQualified(job.Input), $"{job.Describe}: input '{job.Input}' is not absolute");
        problems.Check(job.Output is null || Path.IsPathFullyQualified(job.Output), $"{job.Describe}: output '{job.Output}' is not absolute");
        problems.Check(job.Status is "succeeded" or "failed" or "skipped" or "cancelled", $"{job.Describe}: status '{job.Status}' is not a documented one");
        problems.Check(job.Attempts >= 1, $"{job.Describe}: attempts is {job.Attempts}");
        var started = UtcTime(job.StartedAt);
        var finished = UtcTime(job.FinishedAt);
        problems.Check(started is not null, $"{job.Describe}: started_at '{job.StartedAt}' is not an ISO 8601 UTC time");
        problems.Check(finished is not null, $"{job.Describe}: finished_at '{job.FinishedAt}' is not an ISO 8601 UTC time");
        problems.Check(started is null || finished is null || finished >= started, $"{job.Describe}: finished_at {job.FinishedAt} is before started_at {job.StartedAt}");
    }

    private static void CheckFields(Problems problems, string where, JsonElement element, string[] expected)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{where}: is {element.ValueKind}, not an object");
            return;
        }

        var actual = element.EnumerateObject().Select(p => p.Name).ToList();
        problems.Check(
            actual.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal)),
            $"{where}: fields are [{string.Join(", ", actual)}], expected exactly [{string.Join(", ", expected)}]");
    }

    private static DateTimeOffset? UtcTime(string? text) =>
        text is not null && IsoUtc().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;

    private static IEnumerable<JsonElement> Objects(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Objects(p.Value)).Prepend(element),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Objects),
        _ => [],
    };

    [GeneratedRegex(@"batch_\d{8}_\d{6}(_\d+)?")]
    private static partial Regex BatchId();

    [GeneratedRegex(@"^batch_\d{8}_\d{6}(_\d+)?$")]
    private static partial Regex FullBatchId();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|\+00:00)$")]
    private static partial Regex IsoUtc();
}
