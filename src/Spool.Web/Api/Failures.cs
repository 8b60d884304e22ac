using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Spool.Web.Api;

/// <summary>
/// A request that fails on a bug or a broken store answers 500 with a JSON error, and one line goes to the server's
/// error output: the method and path only, never the query string (it may carry the token).
/// </summary>
internal static class Failures
{
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
        catch (Exception error)
        {
            await errors.WriteLineAsync($"spool serve: {context.Request.Method} {context.Request.Path} failed ({error.GetType().Name}: {error.Message}).");
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await Results.Json(new { error = "internal error: " + error.Message }, statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(context);
            }
        }
    });
}
