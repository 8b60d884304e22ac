using System.Collections.Concurrent;
using System.Threading.Channels;
using Spool.Core.Storage;

namespace Spool.Web.Events;

/// <summary>
/// Polls the store for changes while anyone listens and hands each change to every listener. Polling (not in-process
/// notifications) is what makes batches run by <c>spool process</c> or <c>spool worker</c> show up like the server's
/// own. A listener that cannot keep up loses its oldest events, never the server's memory; it still holds the
/// latest state of each job and batch, since each event carries the whole state.
/// </summary>
internal sealed class EventHub(IJobStore store, TimeProvider clock, ServerOptions options) : IDisposable
{
    private const int ListenerBacklog = 1000;
    private readonly ConcurrentDictionary<long, Channel<ServerEvent>> _listeners = new();
    private readonly SemaphoreSlim _polling = new(1, 1);
    private StoreSnapshot? _last;
    private long _nextId;

    /// <summary>
    /// Starts listening. The first listener takes a baseline before it returns, so what happens after it connected is
    /// reported and what was already there is not (the page reads that from the API).
    /// </summary>
    public async Task<Listener> ListenAsync(CancellationToken cancellationToken)
    {
        await _polling.WaitAsync(cancellationToken);
        try
        {
            _last ??= (await StoreSnapshot.ReadAsync(store, StoreSnapshot.Empty, clock.GetUtcNow(), cancellationToken)).Snapshot;
            var channel = Channel.CreateBounded<ServerEvent>(new BoundedChannelOptions(ListenerBacklog)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
            });
            var id = Interlocked.Increment(ref _nextId);
            _listeners[id] = channel;
            return new Listener(channel.Reader, () => _listeners.TryRemove(id, out _));
        }
        finally
        {
            _polling.Release();
        }
    }

    public async Task RunAsync(TimeSpan interval, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stop);
                await PollAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // A busy or briefly unreachable store: the next poll tries again from the same baseline.
                await options.Errors.WriteLineAsync($"spool serve: reading the store for events failed ({error.GetType().Name}: {error.Message}).");
            }
        }
    }

    private async Task PollAsync(CancellationToken stop)
    {
        await _polling.WaitAsync(stop);
        try
        {
            if (_listeners.IsEmpty)
            {
                _last = null;
                return;
            }

            var (snapshot, events) = await StoreSnapshot.ReadAsync(store, _last ?? StoreSnapshot.Empty, clock.GetUtcNow(), stop);
            _last = snapshot;
            foreach (var listener in _listeners.Values)
            {
                foreach (var item in events)
                {
                    listener.Writer.TryWrite(item);
                }
            }
        }
        finally
        {
            _polling.Release();
        }
    }

    public void Dispose() => _polling.Dispose();
}

/// <summary>One connection's events; disposing it stops them.</summary>
internal sealed class Listener(ChannelReader<ServerEvent> events, Action stop) : IDisposable
{
    public ChannelReader<ServerEvent> Events { get; } = events;

    public void Dispose() => stop();
}
