using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spool.Core.Operations;
using Spool.Core.Queue;
using Spool.Core.Storage;
using Spool.Media.Processes;
using Spool.Web.Api;
using Spool.Web.Auth;
using Spool.Web.Events;
using Spool.Web.Metrics;
using Spool.Web.Page;
using Spool.Web.Workers;

namespace Spool.Web;

/// <summary>
/// The dashboard server over the one store: the HTTP API, server-sent events, Prometheus metrics and the page, with
/// workers in the same process unless none are asked for. Everything it shows is read from the store, so batches run
/// by <c>spool process</c> or <c>spool worker</c> appear like its own. Nothing is logged: requests carry tokens
/// and file paths.
/// </summary>
public static class SpoolServer
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Listens, calls <paramref name="onListening"/> with the real address, and serves until <paramref name="stop"/>;
    /// then stops taking requests while the in-process workers hand their running jobs back to the queue.
    /// <paramref name="workers"/> null runs no workers. Throws <see cref="IOException"/> when the address is taken.
    /// </summary>
    public static async Task RunAsync(
        ServerOptions options, IJobStore store, IProcessRunner runner, MediaTools tools, WorkerOptions? workers, Action<Uri> onListening, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(onListening);
        if (options.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var app = Build(options, store, runner, tools, workers);
        await using (app)
        {
            await app.StartAsync(stop);
            onListening(ListeningUri(app, options));
            using var background = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var work = app.Services.GetRequiredService<InProcessWorkers>().RunAsync(background.Token);
            var events = app.Services.GetRequiredService<EventHub>().RunAsync(options.EventPollInterval, background.Token);
            try
            {
                await Task.Delay(Timeout.Infinite, stop);
            }
            catch (OperationCanceledException)
            {
                // The way a server ends: SIGTERM or Ctrl+C.
            }

            await Task.WhenAll(app.StopAsync(CancellationToken.None), work, events);
        }
    }

    private static WebApplication Build(ServerOptions options, IJobStore store, IProcessRunner runner, MediaTools tools, WorkerOptions? workers)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(SpoolServer).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = Failures.MaxBodyBytes;
            kestrel.Listen(options.Address!, options.Port);
        });
        var services = builder.Services;
        services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        services.Configure<JsonOptions>(json => ApiJson.Configure(json.SerializerOptions));
        services.AddSingleton(options);
        services.AddSingleton(store);
        services.AddSingleton(runner);
        services.AddSingleton(tools);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new InProcessWorkers(store, runner, tools, workers, TimeProvider.System, options.Errors));
        services.AddSingleton<EventHub>();
        services.AddSingleton<BatchSubmission>();
        services.AddSingleton(new PathRoots(options.Roots));
        services.AddSingleton<ISystemSampler>(new ProcSampler(TimeProvider.System));

        var app = builder.Build();
        Failures.Use(app, options.Errors);
        RequestGates.Use(app, options);
        BatchEndpoints.Map(app);
        SubmitEndpoint.Map(app);
        SystemEndpoints.Map(app);
        EventsEndpoint.Map(app);
        MetricsEndpoint.Map(app);
        PageEndpoints.Map(app);
        return app;
    }

    private static Uri ListeningUri(WebApplication app, ServerOptions options)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var port = addresses.Select(address => new Uri(address).Port).FirstOrDefault(options.Port);
        var host = options.Address!.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{options.Address}]" : options.Bind;
        return new Uri($"http://{host}:{port}/");
    }
}
