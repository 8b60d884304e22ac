using System.Text.Json;

namespace Spool.EndToEnd.Tests.Infrastructure;

/// <summary>One job of summary/batch_report.json, read field by field; <see cref="Raw"/> keeps the object for field-exact checks.</summary>
public sealed record ReportedJob(
    string Input,
    string Preset,
    string Status,
    string? Output,
    int Attempts,
    string? StartedAt,
    string? FinishedAt,
    string? ErrorCategory,
    string? ErrorMessage,
    string? ErrorHint,
    JsonElement Raw)
{
    public string Describe => $"{Path.GetFileName(Input)} ({Preset})";
}

/// <summary>summary/batch_report.json of one batch, parsed.</summary>
public sealed record BatchReport(string BatchId, JsonElement Root, JsonElement Summary, IReadOnlyList<ReportedJob> Jobs)
{
    public static async Task<BatchReport> ReadAsync(string outputDirectory)
    {
        var path = Path.Combine(outputDirectory, "summary", "batch_report.json");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The batch wrote no report at {path}.");
        }

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var root = json.RootElement.Clone();
        var jobs = root.GetProperty("jobs").EnumerateArray().Select(Job).ToList();
        return new BatchReport(root.GetProperty("batch_id").GetString()!, root, root.GetProperty("summary"), jobs);
    }

    public int SummaryCount(string field) => Summary.GetProperty(field).GetInt32();

    public IEnumerable<ReportedJob> JobsOf(string inputFileName) =>
        Jobs.Where(job => string.Equals(Path.GetFileName(job.Input), inputFileName, StringComparison.Ordinal));

    public ReportedJob Job(string inputFileName, string preset) =>
        JobsOf(inputFileName).SingleOrDefault(job => job.Preset == preset)
        ?? throw new InvalidOperationException($"batch_report.json has no job for {inputFileName} ({preset}).");

    private static ReportedJob Job(JsonElement job)
    {
        var error = job.GetProperty("error");
        var hasError = error.ValueKind == JsonValueKind.Object;
        return new ReportedJob(
            job.GetProperty("input").GetString()!,
            job.GetProperty("preset").GetString()!,
            job.GetProperty("status").GetString()!,
            OptionalText(job, "output"),
            job.GetProperty("attempts").GetInt32(),
            OptionalText(job, "started_at"),
            OptionalText(job, "finished_at"),
            hasError ? OptionalText(error, "category") : null,
            hasError ? OptionalText(error, "message") : null,
            hasError ? OptionalText(error, "hint") : null,
            job);
    }

    private static string? OptionalText(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
