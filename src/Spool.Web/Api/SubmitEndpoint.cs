using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Spool.Core.Presets;

namespace Spool.Web.Api;

/// <summary>POST /api/batches: check, store, answer 201 with the id; 400 with every problem by field.</summary>
internal static class SubmitEndpoint
{
    public static void Map(WebApplication app) => app.MapPost("/api/batches", SubmitAsync);

    private static async Task<IResult> SubmitAsync(HttpRequest request, BatchSubmission submission, CancellationToken cancellationToken)
    {
        var (body, error) = await ApiResults.ReadBodyAsync<SubmitRequest>(request, optional: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (valid, errors) = SubmitValidation.Check(body!, PresetCatalog.BuiltIn, Environment.ProcessorCount);
        if (valid is null)
        {
            return ApiResults.Invalid(errors);
        }

        var id = await submission.SubmitAsync(valid, cancellationToken);
        return Results.Created($"/api/batches/{id}", new { id });
    }
}
