using Microsoft.Extensions.Time.Testing;
using Spool.Core.Queue;
using Spool.Core.Storage;
using Spool.Core.Storage.Sqlite;

namespace Spool.Core.Tests.Queue;

/// <summary>Issue 10.1: a keeper that cannot renew its lease stops the work a safety margin before the lease ends, not after.</summary>
public sealed class LeaseKeeperTests : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-keeper-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteJobStore _inner;

    public LeaseKeeperTests()
    {
        Directory.CreateDirectory(_folder);
        _inner = new SqliteJobStore(Path.Combine(_folder, "spool.db"));
    }

    public async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task An_unreachable_store_stops_the_work_one_heartbeat_before_the_lease_would_run_out()
    {
        var clock = new FakeTimeProvider();
        var store = FaultyStore.Wrap(_inner, (method, _) => method == nameof(IJobStore.HeartbeatAsync) ? StoreFault.Throw : StoreFault.None);
        var options = new WorkerOptions(1, 2, CanToneMap: true);
        using var work = new CancellationTokenSource();
        using var stop = new CancellationTokenSource();
        var keeper = new LeaseKeeper(store, [new ClaimedJob(1, "web_optimized", 7, 1, clock.GetUtcNow())], options, clock, work);
        var keeping = keeper.RunAsync(stop.Token);

        await AdvanceAsync(clock, options.Lease - options.HeartbeatInterval - options.ProgressInterval);
        Assert.False(work.IsCancellationRequested, "The work stopped while the lease still had more than a heartbeat left.");
        await AdvanceAsync(clock, options.ProgressInterval);

        Assert.True(work.IsCancellationRequested, $"The work still ran {options.HeartbeatInterval.TotalSeconds:0} s before its unrenewed lease ends.");
        Assert.True(keeper.Lost);
        await stop.CancelAsync();
        await keeping;
    }

    // Moves the fake clock in the keeper's own steps, letting its loop run after each one.
    private static async Task AdvanceAsync(FakeTimeProvider clock, TimeSpan total)
    {
        for (var moved = TimeSpan.Zero; moved < total; moved += TimeSpan.FromSeconds(1))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }
    }
}
