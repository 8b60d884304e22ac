using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Spool.Core.Presets;
using Spool.Web.Auth;

namespace Spool.Web.Api;

/// <summary>
/// POST /api/batches: check, store, answer 201 with the id; 400 with every problem by field. The paths are judged
/// against the server's roots before anything is searched for them, and what the search found is judged again.
/// </summary>
internal static class SubmitEndpoint
{
    public static void Map(WebApplication app) => app.MapPost("/api/batches", SubmitAsync);

    private static async Task<IResult> SubmitAsync(HttpRequest request, BatchSubmission submission, PathRoots roots, CancellationToken cancellationToken)
    {
        var (body, error) = await ApiResults.ReadBodyAsync<SubmitRequest>(request, optional: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var refused = SubmitPaths.CheckRequest(body!, roots);
        if (refused.Count > 0)
        {
            return ApiResults.Invalid(refused);
        }

        var (valid, errors) = SubmitValidation.Check(body!, PresetCatalog.BuiltIn, Environment.ProcessorCount);
        if (valid is null)
        {
            return ApiResults.Invalid(errors);
        }

        refused = SubmitPaths.CheckFound(valid, roots);
        if (refused.Count > 0)
        {
            return ApiResults.Invalid(refused);
        }

        var id = await submission.SubmitAsync(valid, cancellationToken);
        return Results.Created($"/api/batches/{id}", new { id });
    }
}
