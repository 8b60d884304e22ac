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

    /// <summary>Writes summary/ for the batch from what the store holds; returns the report's path.</summary>
    public static async Task<string?> WriteSummaryAsync(IJobStore store, string batchId, TimeProvider clock, CancellationToken cancellationToken)
    {
        var result = await LoadAsync(store, batchId, clock, cancellationToken);
        return result is null ? null : await BatchReportWriter.WriteAsync(result, cancellationToken);
    }
}
