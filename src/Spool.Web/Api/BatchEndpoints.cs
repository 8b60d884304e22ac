using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Spool.Core.Queue;
using Spool.Core.Reporting;
using Spool.Core.Storage;

namespace Spool.Web.Api;

/// <summary>GET /api/batches (paged, newest first), GET /api/batches/{id} (with a page of its jobs), and its report.</summary>
internal static class BatchEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/batches", ListAsync);
        app.MapGet("/api/batches/{id}", GetAsync);
        app.MapGet("/api/batches/{id}/report", ReportAsync);
        BatchActions.Map(app);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, IJobStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var page = Paging.From(request, defaultLimit: 50);
        var total = await store.CountBatchesAsync(cancellationToken);
        var batches = await store.ListBatchesAsync(page.Offset, page.Limit, cancellationToken);
        var counts = await store.CountJobsAsync(batches.Select(batch => batch.Id).ToList(), cancellationToken);
        var leased = await store.GetLeasedJobsAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var views = batches.Select(batch => BatchViews.Of(batch, counts.GetValueOrDefault(batch.Id, JobCounts.Empty), leased, now)).ToList();
        return Results.Ok(new BatchList(total, views));
    }

    private static async Task<IResult> GetAsync(string id, HttpRequest request, IJobStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await store.GetBatchAsync(id, cancellationToken) is not { } batch)
        {
            return ApiResults.NotFound();
        }

        JobState? state = null;
        if (request.Query["state"].ToString() is { Length: > 0 } name)
        {
            if (!Enum.GetValues<JobState>().Any(known => known.ToWireName() == name))
            {
                return ApiResults.Invalid("state", $"Unknown job state '{name}'; choose {string.Join(", ", Enum.GetValues<JobState>().Select(known => known.ToWireName()))}.");
            }

            state = JobStates.FromWireName(name);
        }

        var page = Paging.From(request, defaultLimit: 200);
        var counts = (await store.CountJobsAsync([id], cancellationToken)).GetValueOrDefault(id, JobCounts.Empty);
        var jobs = await store.GetJobsPageAsync(id, state, page.Offset, page.Limit, cancellationToken);
        var leased = counts[JobState.Running] + counts[JobState.RetryWait] > 0 ? await store.GetLeasedJobsAsync(cancellationToken) : [];
        var now = clock.GetUtcNow();
        return Results.Ok(BatchViews.Of(batch, counts, leased, now) with
        {
            JobsTotal = state is { } only ? counts[only] : counts.Total,
            Jobs = jobs.Select(job => BatchViews.Job(job, now)).ToList(),
        });
    }

    /// <summary>
    /// The report is shown as its own page, but its text comes from file names and ffmpeg's output: sandboxed
    /// (Content-Security-Policy), it runs no script and has no origin, so it can reach neither the dashboard's token
    /// nor its API. It may be opened with ?token= (a link cannot carry a header), which no referrer passes on.
    /// </summary>
    private static async Task<IResult> ReportAsync(string id, HttpResponse response, IJobStore store, CancellationToken cancellationToken)
    {
        if (await store.GetBatchAsync(id, cancellationToken) is not { } batch)
        {
            return ApiResults.NotFound();
        }

        var report = Path.Combine(BatchReportWriter.SummaryDirectory(batch.OutputDirectory), "report.html");
        if (!File.Exists(report))
        {
            return ApiResults.NotFound("the report is not written yet");
        }

        response.Headers.ContentSecurityPolicy = "sandbox";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(report, "text/html; charset=utf-8");
    }
}
