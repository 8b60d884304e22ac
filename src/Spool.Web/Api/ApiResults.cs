using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Spool.Web.Api;

/// <summary>The API's error answers, one shape each: <c>{"error": …}</c> or <c>{"errors": {field: [messages]}}</c>.</summary>
internal static class ApiResults
{
    public static IResult NotFound(string what = "not found") => Results.Json(new { error = what }, statusCode: StatusCodes.Status404NotFound);

    public static IResult Invalid(string field, string message) => Invalid(new Dictionary<string, List<string>> { [field] = [message] });

    public static IResult Invalid(IReadOnlyDictionary<string, List<string>> errors) =>
        Results.Json(new { errors }, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>
    /// Reads a JSON body. Only application/json is accepted: a browser cannot send that cross-site without asking
    /// first (CORS), so another site's page cannot post work to a loopback server. A value of the wrong type is
    /// reported under its field's name.
    /// </summary>
    public static async Task<(T? Value, IResult? Error)> ReadBodyAsync<T>(HttpRequest request, bool optional, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (optional && request.ContentLength is 0 or null && !request.HasJsonContentType())
        {
            return (null, null);
        }

        if (!request.HasJsonContentType())
        {
            return (null, Results.Json(new { error = "send the body as application/json" }, statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, ApiJson.Options, cancellationToken);
            return value is null ? (null, Invalid("body", "The body must be a JSON object.")) : (value, null);
        }
        catch (JsonException error)
        {
            return (null, Invalid(FieldOf(error.Path), "Not valid here: " + error.Message.Split(" Path:")[0]));
        }
    }

    // "$.inputs[0]" → "inputs"; the whole body otherwise.
    private static string FieldOf(string? path)
    {
        var field = path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "";
        var end = field.IndexOfAny(['.', '[']);
        field = end < 0 ? field : field[..end];
        return field.Length == 0 ? "body" : field;
    }
}
