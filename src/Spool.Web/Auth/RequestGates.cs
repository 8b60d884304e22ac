using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Spool.Web.Auth;

/// <summary>
/// What every request passes before an endpoint sees it. A request that changes something always needs
/// <c>Authorization: Bearer T</c>: a server started without a token can be read but never changed, so another user
/// of the same machine cannot make it read or write files as its owner. With a token, /api and /metrics need it too
/// (the event stream and the report may carry <c>?token=T</c>: EventSource and a link cannot set headers); the page
/// and its scripts stay open because they hold no data. Whatever the token, a request that changes
/// something must come from this server's own page: a browser sends Origin with it, and a page elsewhere that
/// aims a form at a loopback server is refused. A loopback server also answers only requests addressed to a loopback
/// name, so a site that rebinds its own DNS name to 127.0.0.1 cannot read it from the user's browser.
/// </summary>
internal static class RequestGates
{
    public static void Use(WebApplication app, ServerOptions options)
    {
        var expected = string.IsNullOrEmpty(options.Token) ? null : Encoding.UTF8.GetBytes(options.Token);
        var loopbackOnly = options.Address is { } address && IPAddress.IsLoopback(address);
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (loopbackOnly && !IsLoopbackName(request.Host.Host))
            {
                await Results.Json(new { error = "this server answers only to localhost" }, statusCode: StatusCodes.Status421MisdirectedRequest).ExecuteAsync(context);
                return;
            }

            var changes = !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);
            var needsToken = changes || (expected is not null && IsProtected(request.Path));
            if (needsToken && (expected is null || !Authorized(request, expected)))
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await Results.Json(new { error = "unauthorized" }, statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
                return;
            }

            if (changes && !SameOrigin(request))
            {
                await Results.Json(new { error = "cross-origin request refused" }, statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
                return;
            }

            await next(context);
        });
    }

    private static bool IsLoopbackName(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static bool IsProtected(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/metrics");

    private static bool Authorized(HttpRequest request, byte[] expected)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && Matches(header["Bearer ".Length..].Trim(), expected))
        {
            return true;
        }

        return TakesQueryToken(request)
            && request.Query.TryGetValue("token", out var query)
            && Matches(query.ToString(), expected);
    }

    // Only reads that a browser makes without script: the event stream, and the report opened from its link.
    private static bool TakesQueryToken(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && (request.Path.Equals("/api/events", StringComparison.Ordinal)
            || request.Path.Value?.Split('/') is ["", "api", "batches", { Length: > 0 }, "report"]);

    // Constant time, so the comparison does not tell an attacker how much of a guess was right.
    private static bool Matches(string given, byte[] expected) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), expected);

    private static bool SameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
