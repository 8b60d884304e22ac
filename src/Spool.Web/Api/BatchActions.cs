using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Spool.Core.Operations;
using Spool.Core.Queue;
using Spool.Core.Reporting;
using Spool.Core.Storage;
using Spool.Media.Processes;

namespace Spool.Web.Api;

/// <summary>What the dashboard does to a batch, with the same meaning as the CLI's cancel, retry and resume.</summary>
internal static class BatchActions
{
    public static void Map(WebApplication app)
    {
        app.MapPatch("/api/batches/{id}", PatchAsync);
        app.MapPost("/api/batches/{id}/cancel", CancelAsync);
        app.MapPost("/api/batches/{id}/retry", RetryAsync);
        app.MapPost("/api/batches/{id}/resume", ResumeAsync);
    }

    private sealed record PatchRequest(string? Priority);

    private static async Task<IResult> PatchAsync(string id, HttpRequest request, IJobStore store, CancellationToken cancellationToken)
    {
        var (body, error) = await ApiResults.ReadBodyAsync<PatchRequest>(request, optional: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (BatchViews.ParsePriority(body!.Priority) is not { } priority)
        {
            return ApiResults.Invalid("priority", $"Unknown priority '{body.Priority}'; choose {BatchViews.PriorityChoices}.");
        }

        return await store.SetPriorityAsync(id, priority, cancellationToken)
            ? Results.Ok(new { id, priority = BatchViews.PriorityName(priority) })
            : ApiResults.NotFound();
    }

    /// <summary>Queued jobs are cancelled, running ones stop within a heartbeat; a batch left with nothing running is closed and reported.</summary>
    private static async Task<IResult> CancelAsync(string id, IJobStore store, IProcessRunner runner, MediaTools tools, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await store.BatchExistsAsync(id, cancellationToken))
        {
            return ApiResults.NotFound();
        }

        var cancelled = await BatchControl.CancelAsync(store, id, clock, new ReportThumbnails(runner, tools.Ffmpeg), cancellationToken);

        return Results.Ok(new { id, cancelled });
    }

    /// <summary>Failed jobs only, each with one more attempt.</summary>
    private static async Task<IResult> RetryAsync(string id, IJobStore store, CancellationToken cancellationToken)
    {
        if (!await store.BatchExistsAsync(id, cancellationToken))
        {
            return ApiResults.NotFound();
        }

        var requeued = await store.RequeueAsync(id, [JobState.Failed], 1, null, cancellationToken);
        return Results.Ok(new { id, requeued });
    }

    /// <summary>
    /// Unfinished and cancelled jobs run again; succeeded ones never do. As <c>spool resume</c>: the leases of dead
    /// processes are freed first, and jobs quarantined for killing their worker get a fresh streak.
    /// </summary>
    private static async Task<IResult> ResumeAsync(string id, IJobStore store, CancellationToken cancellationToken)
    {
        if (!await store.BatchExistsAsync(id, cancellationToken))
        {
            return ApiResults.NotFound();
        }

        var requeued = await BatchControl.ResumeAsync(store, id, null, cancellationToken);
        return Results.Ok(new { id, requeued });
    }
}
