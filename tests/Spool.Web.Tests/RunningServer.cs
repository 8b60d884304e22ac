using Spool.Core.Operations;
using Spool.Core.Queue;
using Spool.Core.Storage;
using Spool.Media.Processes;

namespace Spool.Web.Tests;

/// <summary>A real server started in-process through <see cref="SpoolServer"/> on the address its options name; disposing it stops it.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _running;

    private RunningServer(Uri baseAddress, CancellationTokenSource stop, Task running)
    {
        BaseAddress = baseAddress;
        _stop = stop;
        _running = running;
    }

    public Uri BaseAddress { get; }

    public static MediaTools Tools => new(
        Environment.GetEnvironmentVariable("SPOOL_FFMPEG") is { Length: > 0 } ffmpeg ? ffmpeg : "ffmpeg",
        Environment.GetEnvironmentVariable("SPOOL_FFPROBE") is { Length: > 0 } ffprobe ? ffprobe : "ffprobe");

    public static async Task<RunningServer> StartAsync(ServerOptions options, IJobStore store, WorkerOptions? workers = null)
    {
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stop = new CancellationTokenSource();
        var running = SpoolServer.RunAsync(options, store, new ProcessRunner(), Tools, workers, listening.SetResult, stop.Token);
        await Task.WhenAny(listening.Task, running);
        if (running.IsFaulted)
        {
            stop.Dispose();
            await running;
        }

        return new RunningServer(await listening.Task, stop, running);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
    }
}
