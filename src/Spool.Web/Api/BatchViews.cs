using System.Text.Json;
using Spool.Core.Queue;
using Spool.Media.Errors;

namespace Spool.Web.Api;

/// <summary>Store records to API views: pure, so progress and ETA rules are tested without a server.</summary>
internal static class BatchViews
{
    private static readonly string[] PriorityNames = ["urgent", "high", "normal", "low"];

    /// <summary>A batch with its status, and progress in which its running jobs (from <paramref name="leased"/>, others ignored) count by their ffmpeg progress.</summary>
    public static BatchView Of(BatchRecord batch, JobCounts counts, IEnumerable<JobRecord> leased, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var status = BatchStatus.Of(batch, counts);
        var progress = Progress(counts, leased.Where(job => job.BatchId == batch.Id));
        return new BatchView(batch.Id, status.State, PriorityName(batch.Priority), batch.CreatedAt, batch.FinishedAt, batch.OutputDirectory,
            batch.TotalInputs, status.Counts, progress, Eta(status.State, progress, counts.FirstStartedAt, now));
    }

    /// <summary>Finished jobs count whole, running ones by their ffmpeg progress; 0..1.</summary>
    public static double Progress(JobCounts counts, IEnumerable<JobRecord> leased)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Total == 0)
        {
            return 0;
        }

        var done = counts[JobState.Succeeded] + counts[JobState.Failed] + counts[JobState.Cancelled] + counts[JobState.Skipped];
        var partial = leased.Where(job => job.State == JobState.Running).Sum(job => (job.Progress?.Percent ?? 0) / 100);
        return Math.Round(Math.Clamp((done + partial) / counts.Total, 0, 1), 4);
    }

    /// <summary>Time left at the pace so far since the batch's first job started; only while it runs.</summary>
    public static double? Eta(string state, double progress, DateTimeOffset? firstStart, DateTimeOffset now) =>
        state == "running" && progress is > 0 and < 1 && firstStart is { } start && now > start
            ? Math.Round((now - start).TotalSeconds * (1 - progress) / progress, 1)
            : null;

    public static JobView Job(JobRecord job, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        var percent = job.State.IsLeased() ? job.Progress?.Percent : null;
        double? progress = job.State is JobState.Succeeded or JobState.Skipped ? 1 : percent is { } p ? Math.Round(Math.Clamp(p / 100, 0, 1), 4) : null;
        double? eta = percent is > 0 and < 100 && job.StartedAt is { } start && now > start
            ? Math.Round((now - start).TotalSeconds * (100 - percent.Value) / percent.Value, 1)
            : null;
        var error = job.Result?.Error is { } e ? new ErrorView(e.Category.ToWireName(), e.Message, e.Hint) : null;
        return new JobView(job.Id, job.InputPath, Path.GetFileName(job.InputPath), job.Preset, job.State.ToWireName(), job.Attempts, progress,
            job.State.IsLeased() ? job.Progress?.Fps : null, job.State.IsLeased() ? job.Progress?.Speed : null, eta,
            job.StartedAt, job.FinishedAt, job.Result?.Output, error, Qc(job.Result?.QcJson))
        {
            CopiedFrom = job.Result?.CopiedFrom,
            Chunk = job.Chunk,
            Method = job.Result?.Method,
            Reason = job.Result?.Reason,
        };
    }

    public static string PriorityName(BatchPriority priority) => PriorityNames[(int)priority];

    /// <summary>Only the four names (any case): Enum.TryParse would also take numbers.</summary>
    public static BatchPriority? ParsePriority(string? name)
    {
        var index = Array.FindIndex(PriorityNames, known => string.Equals(known, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : (BatchPriority)index;
    }

    public static string PriorityChoices => string.Join(", ", PriorityNames);

    private static JsonElement? Qc(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
