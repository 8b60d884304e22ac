using Spool.Core.Queue;
using Spool.Core.Storage;
using Spool.Web.Api;

namespace Spool.Web.Events;

/// <summary>One server-sent event: its name (job, batch) and its data, serialised when written.</summary>
internal sealed record ServerEvent(string Name, object Data);

/// <summary>A batch as last seen by the event stream: what a change is measured against.</summary>
internal sealed record BatchSeen(string State, IReadOnlyDictionary<string, int> Counts, double Progress);

/// <summary>
/// What the event stream last saw: the recent and running batches with their counts, and the jobs that workers held.
/// Read with a handful of queries (running jobs, counts of a few batches), never every job, so polling twice a second
/// stays cheap with tens of thousands of jobs in the store.
/// </summary>
internal sealed record StoreSnapshot(IReadOnlyDictionary<string, BatchSeen> Batches, IReadOnlyDictionary<long, JobRecord> Jobs)
{
    /// <summary>Recent batches are watched even when idle, so a new or cancelled one shows up.</summary>
    public const int WatchedBatches = 50;

    public static StoreSnapshot Empty { get; } = new(new Dictionary<string, BatchSeen>(), new Dictionary<long, JobRecord>());

    /// <summary>
    /// The store now, plus the events since <paramref name="before"/>. Jobs that were held before and are not now
    /// are read by id, so their end (succeeded, failed, queued again) is reported too.
    /// </summary>
    public static async Task<(StoreSnapshot Snapshot, IReadOnlyList<ServerEvent> Events)> ReadAsync(
        IJobStore store, StoreSnapshot before, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(before);
        var leased = await store.GetLeasedJobsAsync(cancellationToken);
        var heldNow = leased.Select(job => job.Id).ToHashSet();
        var ended = await store.GetJobsByIdAsync(before.Jobs.Keys.Where(id => !heldNow.Contains(id)).ToList(), cancellationToken);

        var recent = await store.ListBatchesAsync(0, WatchedBatches, cancellationToken);
        var batches = recent.ToDictionary(batch => batch.Id, StringComparer.Ordinal);
        foreach (var id in leased.Concat(ended).Select(job => job.BatchId).Distinct(StringComparer.Ordinal).Where(id => !batches.ContainsKey(id)))
        {
            if (await store.GetBatchAsync(id, cancellationToken) is { } batch)
            {
                batches[id] = batch;
            }
        }

        var counts = await store.CountJobsAsync(batches.Keys.ToList(), cancellationToken);
        var seen = batches.Values.ToDictionary(
            batch => batch.Id,
            batch =>
            {
                var view = BatchViews.Of(batch, counts.GetValueOrDefault(batch.Id, JobCounts.Empty), leased, now);
                return new BatchSeen(view.State, view.Counts, view.Progress);
            },
            StringComparer.Ordinal);
        var after = new StoreSnapshot(seen, leased.ToDictionary(job => job.Id));
        return (after, Diff(before, after, ended, now));
    }

    /// <summary>
    /// A job event for each held job that is new or moved (state or progress) and for each that ended; a batch event for
    /// each batch whose state or counts changed. Progress alone changes a batch's numbers too often to be news: the
    /// page adds its jobs' progress itself.
    /// </summary>
    public static IReadOnlyList<ServerEvent> Diff(StoreSnapshot before, StoreSnapshot after, IReadOnlyList<JobRecord> ended, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(ended);
        var events = new List<ServerEvent>();
        foreach (var job in after.Jobs.Values)
        {
            if (!before.Jobs.TryGetValue(job.Id, out var old) || old.State != job.State || !Equals(old.Progress, job.Progress))
            {
                events.Add(JobEvent(job, now));
            }
        }

        events.AddRange(ended.Select(job => JobEvent(job, now)));
        foreach (var (id, batch) in after.Batches)
        {
            if (!before.Batches.TryGetValue(id, out var old) || old.State != batch.State || !old.Counts.OrderBy(pair => pair.Key, StringComparer.Ordinal)
                    .SequenceEqual(batch.Counts.OrderBy(pair => pair.Key, StringComparer.Ordinal)))
            {
                events.Add(new ServerEvent("batch", new { id, state = batch.State, counts = batch.Counts, progress = batch.Progress }));
            }
        }

        return events;
    }

    private static ServerEvent JobEvent(JobRecord job, DateTimeOffset now)
    {
        var view = BatchViews.Job(job, now);
        return new ServerEvent("job", new
        {
            batch_id = job.BatchId,
            job_id = job.Id,
            input_name = view.InputName,
            preset = view.Preset,
            state = view.State,
            progress = view.Progress,
            fps = view.Fps,
            speed = view.Speed,
            eta_seconds = view.EtaSeconds,
        });
    }
}
