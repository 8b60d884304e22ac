using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Spool.Core.Queue;
using Spool.Core.Storage;
using Spool.Web.Workers;

namespace Spool.Web.Metrics;

/// <summary>GET /metrics: the store's jobs and batches for Prometheus, read at scrape time (no counters kept in memory).</summary>
internal static class MetricsEndpoint
{
    public static void Map(WebApplication app) => app.MapGet("/metrics", ScrapeAsync);

    private static async Task<IResult> ScrapeAsync(IJobStore store, InProcessWorkers workers, CancellationToken cancellationToken)
    {
        var counts = await store.CountJobsAsync(null, cancellationToken);
        var batches = await store.ListBatchesAsync(cancellationToken);
        var leased = await store.GetLeasedJobsAsync(cancellationToken);
        var finished = await store.ListFinishedJobsAsync(null, cancellationToken);

        var jobs = Enum.GetValues<JobState>().ToDictionary(state => state.ToWireName(), state => counts.Values.Sum(count => count[state]));
        var byBatchState = batches
            .Select(batch => BatchStatus.Of(batch, counts.GetValueOrDefault(batch.Id, JobCounts.Empty)).State)
            .GroupBy(state => state, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        foreach (var state in new[] { "queued", "running", "interrupted", "completed", "failed", "cancelled" })
        {
            byBatchState.TryAdd(state, 0);
        }

        var snapshot = new MetricsSnapshot(jobs, byBatchState, finished, jobs["queued"], workers.Utilization(leased));
        return Results.Text(PrometheusText.Render(snapshot), PrometheusText.ContentType);
    }
}
