using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Spool.Web.Api;

/// <summary>
/// A request that fails on a bug or a broken store answers 500 with a JSON error that says nothing of the cause (an
/// exception's message may name hosts, users and paths), and one line goes to the server's error output: the method
/// and path only, never the query string (it may carry the token), with the exception. A request Kestrel refuses
/// while the body is read (too large, cut short) answers its own 4xx.
/// </summary>
internal static class Failures
{
    /// <summary>The largest request body the server reads.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public static void Use(WebApplication app, TextWriter errors) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (BadHttpRequestException refused)
        {
            var message = refused.StatusCode == StatusCodes.Status413PayloadTooLarge ? $"the request body is larger than {MaxBodyBytes / (1024 * 1024)} MiB" : "bad request";
            await AnswerAsync(context, refused.StatusCode, message);
        }
        catch (Exception error)
        {
            await errors.WriteLineAsync($"spool serve: {context.Request.Method} {context.Request.Path} failed ({error.GetType().Name}: {error.Message}).");
            await AnswerAsync(context, StatusCodes.Status500InternalServerError, "internal error: see the server's error output");
        }
    });

    private static async Task AnswerAsync(HttpContext context, int status, string message)
    {
        if (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await Results.Json(new { error = message }, statusCode: status).ExecuteAsync(context);
        }
    }
}
