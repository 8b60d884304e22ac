using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spool.Core.Queue;
using Spool.Core.Reporting;

namespace Spool.Cli.Commands;

/// <summary>spool status [--job-id ID] [--json]: batches with live counts; one batch with every job's state and progress.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var id = new Option<string?>("--job-id") { Description = "Show one batch, job by job." };
        var json = new Option<bool>("--json") { Description = "Machine-readable output." };
        var store = StoreAccess.CreateOption();
        var command = new Command("status", "Show batches and their jobs.") { id, json, store };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var jobs = await StoreAccess.OpenAsync(parse.GetValue(store), cancellationToken);

            // A batch whose process died must not read as running: free its leases first.
            await jobs.RescueDeadHoldersAsync(Environment.MachineName, ProcessIdentity.IsAlive, cancellationToken);
            await jobs.RescueExpiredAsync(cancellationToken);
            var wanted = parse.GetValue(id);
            var batches = wanted is null
                ? await jobs.ListBatchesAsync(cancellationToken)
                : [await jobs.GetBatchAsync(wanted, cancellationToken) ?? throw new UsageException($"--job-id: no batch '{wanted}' in the store.")];
            var views = new List<object>();
            foreach (var batch in batches)
            {
                var records = await jobs.GetJobsAsync(batch.Id, cancellationToken);
                var status = BatchStatus.Of(batch, records);
                views.Add(wanted is null ? Summary(status) : Detailed(status, records));
                if (!parse.GetValue(json))
                {
                    Print(status, wanted is null ? null : records);
                }
            }

            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { batches = views }, ReportJson.Options));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static object Summary(BatchStatus status) => new
    {
        id = status.Id,
        state = status.State,
        priority = status.Priority.ToString().ToLowerInvariant(),
        created_at = status.CreatedAt,
        finished_at = status.FinishedAt,
        counts = status.Counts,
    };

    private static object Detailed(BatchStatus status, IReadOnlyList<JobRecord> records) => new
    {
        id = status.Id,
        state = status.State,
        priority = status.Priority.ToString().ToLowerInvariant(),
        created_at = status.CreatedAt,
        finished_at = status.FinishedAt,
        counts = status.Counts,
        jobs = records.Select(job => new
        {
            id = job.Id,
            input = job.InputPath,
            preset = job.Preset,
            state = job.State.ToWireName(),
            attempts = job.Attempts,
            progress = job.Progress?.Percent,
            fps = job.Progress?.Fps,
            speed = job.Progress?.Speed,
            started_at = job.StartedAt,
            finished_at = job.FinishedAt,
            output = job.Result?.Output,
            chunk = job.Chunk,
            error = job.Result?.Error is { } error ? new ErrorReport(Media.Errors.ErrorCategories.ToWireName(error.Category), error.Message, error.Hint) : null,
        }).ToList(),
    };

    private static void Print(BatchStatus status, IReadOnlyList<JobRecord>? records)
    {
        var c = status.Counts;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{status.Id}  {status.State,-11} {c["succeeded"] + c["skipped"]}/{c["total"]} done ({c["skipped"]} up to date), {c["failed"]} failed, {c["running"]} running, {c["queued"] + c["retry_wait"]} waiting, {c["cancelled"]} cancelled"));
        foreach (var job in records ?? [])
        {
            var progress = job.Progress?.Percent is { } p ? string.Create(CultureInfo.InvariantCulture, $" {p:0}%") : "";
            var error = job.Result?.Error is { } e ? $"  {Media.Errors.ErrorCategories.ToWireName(e.Category)}: {e.Message}" : "";
            Console.WriteLine($"  {job.State.ToWireName(),-10} {job.Preset,-16} {job.InputPath}{progress}{error}");
        }
    }
}
