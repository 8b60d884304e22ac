using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Spool.Web.Page;

/// <summary>
/// The dashboard page and its scripts, read from this assembly's resources (wwwroot/*), so the CLI carries them
/// wherever it is copied. No token is needed: the files hold no data. The page may load scripts and styles from
/// this server only (Content-Security-Policy), so nothing injected into a file name can run as script.
/// </summary>
internal static class PageEndpoints
{
    private const string Folder = "wwwroot/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    public static void Map(WebApplication app)
    {
        app.MapGet("/", (HttpContext context) => ServeAsync(context, "index.html"));
        foreach (var resource in Assembly.GetExecutingAssembly().GetManifestResourceNames().Where(name => name.StartsWith(Folder, StringComparison.Ordinal)))
        {
            var file = resource[Folder.Length..];
            app.MapGet("/" + file, (HttpContext context) => ServeAsync(context, file));
        }
    }

    private static async Task ServeAsync(HttpContext context, string file)
    {
        await using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Folder + file);
        var response = context.Response;
        if (stream is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        response.ContentType = ContentTypes[Path.GetExtension(file)];
        response.ContentLength = stream.Length;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-cache";
        response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'";
        await stream.CopyToAsync(response.Body, context.RequestAborted);
    }
}
