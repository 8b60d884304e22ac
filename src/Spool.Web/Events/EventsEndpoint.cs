using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Spool.Web.Api;

namespace Spool.Web.Events;

/// <summary>
/// GET /api/events: a text/event-stream of <c>job</c> and <c>batch</c> events, with a <c>: ping</c> comment every
/// 15 s so proxies and browsers keep an idle stream open. The stream ends when the client goes or the server stops.
/// </summary>
internal static class EventsEndpoint
{
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(15);

    public static void Map(WebApplication app) => app.MapGet("/api/events", StreamAsync);

    private static async Task StreamAsync(HttpContext context, EventHub hub, IHostApplicationLifetime lifetime)
    {
        using var end = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        try
        {
            using var listener = await hub.ListenAsync(end.Token);
            await response.WriteAsync("retry: 2000\n: connected\n\n", end.Token);
            await response.Body.FlushAsync(end.Token);
            while (!end.IsCancellationRequested)
            {
                if (!await WaitAsync(listener, end.Token))
                {
                    await response.WriteAsync(": ping\n\n", end.Token);
                }

                while (listener.Events.TryRead(out var item))
                {
                    await response.WriteAsync($"event: {item.Name}\ndata: {JsonSerializer.Serialize(item.Data, ApiJson.Options)}\n\n", end.Token);
                }

                await response.Body.FlushAsync(end.Token);
            }
        }
        catch (OperationCanceledException) when (end.IsCancellationRequested)
        {
            // The client left or the server is stopping.
        }
        catch (IOException)
        {
            // The connection broke while writing.
        }
    }

    /// <summary>True when events are waiting; false after <see cref="PingEvery"/> without any.</summary>
    private static async Task<bool> WaitAsync(Listener listener, CancellationToken end)
    {
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(end);
        quiet.CancelAfter(PingEvery);
        try
        {
            return await listener.Events.WaitToReadAsync(quiet.Token);
        }
        catch (OperationCanceledException) when (!end.IsCancellationRequested)
        {
            return false;
        }
    }
}
