using System.Net.Http.Headers;
using Spool.Core.Queue;
using Spool.Core.Storage;
using Spool.Core.Storage.Sqlite;

namespace Spool.Web.Tests;

/// <summary>
/// A real server on a free loopback port, started in-process through <see cref="SpoolServer"/> over a temporary
/// SQLite store, with a token unless <paramref name="token"/> is null, and limited to <see cref="Root"/> when
/// <paramref name="rooted"/>. <see cref="Client"/> carries the token; <see cref="Anonymous"/> does not.
/// </summary>
public abstract class ServerFixture(bool workers, string? token = ServerFixture.Token, bool rooted = false) : IAsyncLifetime
{
    public const string Token = "test-token-1234";

    private RunningServer? _server;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "spool-web-" + Guid.NewGuid().ToString("N"));

    /// <summary>The one folder a rooted server may read and write (--root).</summary>
    public string Root => Path.Combine(Folder, "root");

    public IJobStore Store { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public StringWriter Errors { get; } = new();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        var store = new SqliteJobStore(Path.Combine(Folder, "spool.db"));
        await store.MigrateAsync(CancellationToken.None);
        Store = store;
        var options = new ServerOptions("127.0.0.1", 0, token)
        {
            Errors = TextWriter.Synchronized(Errors),
            EventPollInterval = TimeSpan.FromMilliseconds(200),
            Roots = rooted ? [Root] : [],
        };
        var workerOptions = workers
            ? new WorkerOptions(2, Environment.ProcessorCount, CanToneMap: false)
            {
                Drain = false,
                PollInterval = TimeSpan.FromMilliseconds(200),
                ProgressInterval = TimeSpan.FromMilliseconds(500),
            }
            : null;
        _server = await RunningServer.StartAsync(options, Store, workerOptions);
        BaseAddress = _server.BaseAddress;
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        Anonymous = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Client?.Dispose();
        Anonymous?.Dispose();
        await Store.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>A server that runs jobs itself.</summary>
public sealed class WorkingServer() : ServerFixture(workers: true);

/// <summary>A server without workers (--no-workers): what is queued stays queued.</summary>
public sealed class IdleServer() : ServerFixture(workers: false);

/// <summary>A loopback server started without any token: it may be read, never changed.</summary>
public sealed class TokenlessServer() : ServerFixture(workers: false, token: null);

/// <summary>A server that may read and write only inside <see cref="ServerFixture.Root"/> (--root).</summary>
public sealed class RootedServer() : ServerFixture(workers: false, rooted: true);
