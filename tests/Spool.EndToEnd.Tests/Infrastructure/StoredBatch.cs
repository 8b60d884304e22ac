using System.Text.Json;
using System.Text.RegularExpressions;

namespace Spool.EndToEnd.Tests.Infrastructure;

/// <summary>One job as `spool status --job-id ID --json` shows it.</summary>
public sealed record StoredJob(string Input, string Preset, string State, int Attempts, string? Output, string? StartedAt, string? ErrorCategory)
{
    public string Describe => $"{Path.GetFileName(Input)} ({Preset}): {State}";
}

/// <summary>A batch as `spool status --job-id ID --json` shows it: what the store says, read like a user reads it.</summary>
public sealed partial record StoredBatch(string Id, string State, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<StoredJob> Jobs, string Json)
{
    public static async Task<StoredBatch> ReadAsync(SpoolCli cli, string batchId)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var run = await cli.RunAsync("status", "--job-id", batchId, "--json");
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException("status failed: " + run.Describe());
        }

        using var json = JsonDocument.Parse(run.Stdout);
        var batch = json.RootElement.GetProperty("batches").EnumerateArray().Single();
        var counts = batch.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
        var jobs = batch.GetProperty("jobs").EnumerateArray().Select(job => new StoredJob(
            job.GetProperty("input").GetString()!,
            job.GetProperty("preset").GetString()!,
            job.GetProperty("state").GetString()!,
            job.GetProperty("attempts").GetInt32(),
            Text(job, "output"),
            Text(job, "started_at"),
            job.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object ? Text(error, "category") : null)).ToList();
        return new StoredBatch(batch.GetProperty("id").GetString()!, batch.GetProperty("state").GetString()!, counts, jobs, run.Stdout);
    }

    /// <summary>The ids of every batch in the store (`spool status --json`).</summary>
    public static async Task<IReadOnlyList<string>> ListIdsAsync(SpoolCli cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var run = await cli.RunAsync("status", "--json");
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException("status failed: " + run.Describe());
        }

        using var json = JsonDocument.Parse(run.Stdout);
        return json.RootElement.GetProperty("batches").EnumerateArray().Select(batch => batch.GetProperty("id").GetString()!).ToList();
    }

    /// <summary>The batch id that process/submit prints before work starts, or null when none was printed.</summary>
    public static string? IdPrintedIn(string stdout) => BatchId().Match(stdout) is { Success: true } match ? match.Value : null;

    public StoredJob Job(string inputFileName, string preset) =>
        Jobs.SingleOrDefault(job => Path.GetFileName(job.Input) == inputFileName && job.Preset == preset)
        ?? throw new InvalidOperationException($"status shows no job for {inputFileName} ({preset}):\n{Json}");

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"\bbatch_\d{8}_\d{6}(?:_\d+)?\b")]
    private static partial Regex BatchId();
}
