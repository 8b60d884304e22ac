using Spool.Core.Operations;
using Spool.Core.Reporting;
using Spool.Core.Storage;

namespace Spool.Core.Queue;

/// <summary>Reads a batch back from the store as a result the reports understand, and writes its summary files.</summary>
public static class StoredBatches
{
    public static async Task<BatchResult?> LoadAsync(IJobStore store, string batchId, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        if (await store.GetBatchAsync(batchId, cancellationToken) is not { } batch)
        {
            return null;
        }

        var jobs = await store.GetJobsAsync(batchId, cancellationToken);
        var results = jobs.Select(JobRecords.ToJobResult).ToList();
        var firstStart = jobs.Min(job => job.StartedAt) ?? batch.CreatedAt;
        var end = batch.FinishedAt ?? jobs.Max(job => job.FinishedAt) ?? clock.GetUtcNow();
        var unfinished = jobs.Any(job => !job.State.IsTerminal());
        return new BatchResult(batch.Id, batch.OutputDirectory, batch.TotalInputs, results, firstStart < batch.CreatedAt ? firstStart : batch.CreatedAt, end, unfinished);
    }

    /// <summary>
    /// Writes summary/ for the batch from what the store holds: the JSON files and report.html, with a thumbnail of
    /// each output when <paramref name="thumbnails"/> is given. Returns the report's path.
    /// </summary>
    public static async Task<string?> WriteSummaryAsync(IJobStore store, string batchId, TimeProvider clock, ReportThumbnails? thumbnails, CancellationToken cancellationToken)
    {
        var result = await LoadAsync(store, batchId, clock, cancellationToken);
        if (result is null)
        {
            return null;
        }

        var extras = new ReportExtras
        {
            JobCpuSeconds = result.Jobs
                .Where(job => job.CpuSeconds is not null)
                .GroupBy(job => new JobKey(job.Input, job.Preset))
                .ToDictionary(group => group.Key, group => group.First().CpuSeconds!.Value),
            Thumbnails = thumbnails is null ? new Dictionary<JobKey, byte[]>() : await thumbnails.ForBatchAsync(result, cancellationToken),
        };
        return await BatchReportWriter.WriteAsync(result, extras, cancellationToken);
    }
}
