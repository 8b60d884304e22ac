using Spool.Core.Queue;
using Spool.Core.Storage.Sqlite;

namespace Spool.Core.Tests.Queue;

/// <summary>Each job of a work item shows its own progress: the encode's goes to the encode jobs, a step's to the step's job.</summary>
public sealed class LeaseKeeperProgressTests : IDisposable
{
    private static readonly LeaseHolder Holder = new("worker-a", "host-a", 1001, 50_001);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-keeper-" + Guid.NewGuid().ToString("N"));

    public LeaseKeeperProgressTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A store holding one work item: an input with two encodes and an HLS step, claimed.</summary>
    private async Task<(SqliteJobStore Store, WorkClaim Claim)> ClaimedAsync()
    {
        var store = new SqliteJobStore(Path.Combine(_folder, "spool.db"));
        await store.MigrateAsync(CancellationToken.None);
        await store.CreateBatchAsync(new NewBatch("b1", BatchPriority.Normal, "/out/b1", "{}", 1,
            [new NewJob(0, "/in/clip.mp4", "clip", "web_optimized", 0, 1), new NewJob(0, "/in/clip.mp4", "clip", "mobile_optimized", 0, 1), new NewJob(0, "/in/clip.mp4", "clip", "hls", 0, 1)]),
            CancellationToken.None);
        return (store, (await store.ClaimNextAsync(Holder, TimeSpan.FromMinutes(1), null, MachineLoad.Idle, CancellationToken.None))!);
    }

    [Fact]
    public async Task The_encode_progress_reaches_the_encode_jobs_and_not_a_step_that_has_not_run()
    {
        var (store, claim) = await ClaimedAsync();
        await using var owned = store;
        var keeper = Keeper(store, claim, out var work);

        keeper.Report(new JobProgressRecord(40, 25, 1.5));
        var progress = await KeepUntilAsync(store, keeper, work, shown => shown["web_optimized"] is not null);

        Assert.Equal(new JobProgressRecord(40, 25, 1.5), progress["web_optimized"]);
        Assert.Equal(new JobProgressRecord(40, 25, 1.5), progress["mobile_optimized"]);
        Assert.Null(progress["hls"]);
    }

    [Fact]
    public async Task A_step_reports_its_own_progress_under_its_own_job()
    {
        var (store, claim) = await ClaimedAsync();
        await using var owned = store;
        var keeper = Keeper(store, claim, out var work);

        keeper.Report(new JobProgressRecord(100, 30, 2));
        keeper.Report("hls", new JobProgressRecord(62.5, null, null));
        var progress = await KeepUntilAsync(store, keeper, work, shown => shown["hls"] is not null && shown["web_optimized"] is not null);

        Assert.Equal(new JobProgressRecord(62.5, null, null), progress["hls"]);
        Assert.Equal(new JobProgressRecord(100, 30, 2), progress["web_optimized"]);
    }

    private static LeaseKeeper Keeper(SqliteJobStore store, WorkClaim claim, out CancellationTokenSource work)
    {
        work = new CancellationTokenSource();
        var options = new WorkerOptions(1, 2, CanToneMap: false) { ProgressInterval = TimeSpan.FromMilliseconds(20), HeartbeatInterval = TimeSpan.FromSeconds(10) };
        return new LeaseKeeper(store, claim.Jobs, options, TimeProvider.System, work);
    }

    private static async Task<Dictionary<string, JobProgressRecord?>> KeepUntilAsync(SqliteJobStore store, LeaseKeeper keeper, CancellationTokenSource work, Func<Dictionary<string, JobProgressRecord?>, bool> done)
    {
        using var stop = new CancellationTokenSource();
        var keeping = keeper.RunAsync(stop.Token);
        var shown = new Dictionary<string, JobProgressRecord?>();
        for (var i = 0; i < 200; i++)
        {
            shown = (await store.GetJobsAsync("b1", CancellationToken.None)).ToDictionary(job => job.Preset, job => job.Progress);
            if (done(shown))
            {
                break;
            }

            await Task.Delay(20);
        }

        // One more beat, so a progress written to the wrong job would show too.
        await Task.Delay(100);
        shown = (await store.GetJobsAsync("b1", CancellationToken.None)).ToDictionary(job => job.Preset, job => job.Progress);
        await stop.CancelAsync();
        await keeping;
        work.Dispose();
        return shown;
    }
}
