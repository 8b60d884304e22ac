using System.Net.Http.Headers;
using Spool.Core.Operations;
using Spool.Core.Queue;
using Spool.Core.Storage;
using Spool.Core.Storage.Sqlite;
using Spool.Media.Processes;

namespace Spool.Web.Tests;

/// <summary>
/// A real server on a free loopback port, started in-process through <see cref="SpoolServer"/> over a temporary
/// SQLite store, with a token. <see cref="Client"/> carries the token; <see cref="Anonymous"/> does not.
/// </summary>
public abstract class ServerFixture(bool workers) : IAsyncLifetime
{
    public const string Token = "test-token-1234";

    private Func<Task>? _shutdown;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "spool-web-" + Guid.NewGuid().ToString("N"));

    public IJobStore Store { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public StringWriter Errors { get; } = new();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        var store = new SqliteJobStore(Path.Combine(Folder, "spool.db"));
        await store.MigrateAsync(CancellationToken.None);
        Store = store;
        var tools = new MediaTools(Environment.GetEnvironmentVariable("SPOOL_FFMPEG") is { Length: > 0 } ffmpeg ? ffmpeg : "ffmpeg",
            Environment.GetEnvironmentVariable("SPOOL_FFPROBE") is { Length: > 0 } ffprobe ? ffprobe : "ffprobe");
        var options = new ServerOptions("127.0.0.1", 0, Token) { Errors = TextWriter.Synchronized(Errors), EventPollInterval = TimeSpan.FromMilliseconds(200) };
        var workerOptions = workers
            ? new WorkerOptions(2, Environment.ProcessorCount, CanToneMap: false)
            {
                Drain = false,
                PollInterval = TimeSpan.FromMilliseconds(200),
                ProgressInterval = TimeSpan.FromMilliseconds(500),
            }
            : null;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stop = new CancellationTokenSource();
        var running = SpoolServer.RunAsync(options, Store, new ProcessRunner(), tools, workerOptions, listening.SetResult, stop.Token);
        _shutdown = async () =>
        {
            await stop.CancelAsync();
            await running;
            stop.Dispose();
        };
        await Task.WhenAny(listening.Task, running);
        BaseAddress = await listening.Task;
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        Anonymous = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        if (_shutdown is not null)
        {
            await _shutdown();
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
