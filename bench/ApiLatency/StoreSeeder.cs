using System.Globalization;
using Spool.Core.Operations;
using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Core.Queue;
using Spool.Core.Storage.Sqlite;
using Spool.Media.Errors;

namespace Spool.Bench.ApiLatency;

/// <summary>How many batches of how many jobs a seeded store holds.</summary>
public sealed record StoreShape(string Name, int Batches, int JobsPerBatch)
{
    public static StoreShape Named(string name) => name switch
    {
        "one" => new(name, 1, 10_000),
        "many" => new(name, 100, 100),
        "baseline" => new(name, 1, 10),
        _ => throw new ArgumentException($"Unknown store shape '{name}': one, many or baseline.", nameof(name)),
    };
}

/// <summary>
/// Fills a store through Spool.Core's own IJobStore, the way workers leave it: in every batch the first 88% of the jobs
/// ran (one in eleven failed, with a classified error), the next 2% are running with progress, the rest are queued.
/// So the routes that read finished jobs (/metrics' histogram, /api/system's throughput) have real rows to read.
/// </summary>
public static class StoreSeeder
{
    private static readonly LeaseHolder Holder = new("bench-worker", "bench-host", 1, 1);

    /// <summary>Seeds HOME/spool.db; returns the id of the newest batch (the one the detail routes read).</summary>
    public static async Task<string> SeedAsync(string home, StoreShape shape, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shape);
        Directory.CreateDirectory(home);
        await using var store = new SqliteJobStore(Path.Combine(home, "spool.db"));
        await store.MigrateAsync(ct);
        var preset = BuiltInPresets.All.Single(p => p.Name == "fast_draft");
        var options = new BatchOptionsSnapshot([PresetSnapshot.From(preset)], QualityLevel.Medium, null, ErrorHandling.Continue, null, 120, 0) { Qc = null }.ToJson();
        var id = "";
        for (var b = 1; b <= shape.Batches; b++)
        {
            id = string.Create(CultureInfo.InvariantCulture, $"batch_20250101_{b:000000}");
            var jobs = Enumerable.Range(0, shape.JobsPerBatch)
                .Select(i => new NewJob(i, Input(id, i), Name(i), preset.Name, shape.JobsPerBatch - i, 1))
                .ToList();
            await store.CreateBatchAsync(new NewBatch(id, BatchPriority.Normal, "/srv/out/" + id, options, jobs.Count, jobs), ct);
            await RunSomeAsync(store, id, shape.JobsPerBatch, ct);
        }

        return id;
    }

    private static async Task RunSomeAsync(SqliteJobStore store, string id, int count, CancellationToken ct)
    {
        var finished = count * 88 / 100;
        var running = Math.Max(1, count * 2 / 100);
        for (var n = 0; n < finished + running && await store.ClaimNextAsync(Holder, TimeSpan.FromHours(6), id, MachineLoad.Idle, ct) is { } claim; n++)
        {
            var job = claim.Jobs[0];
            if (n >= finished)
            {
                await store.HeartbeatAsync(job.JobId, job.LeaseToken, TimeSpan.FromHours(6), new JobProgressRecord(42.5, 87.0, 3.4), ct);
                continue;
            }

            var failed = n % 11 == 10;
            var error = failed ? MediaError.Of(ErrorCategory.InputCorrupt, "Invalid data found when processing input") : null;
            var result = new JobResultRecord(
                failed ? null : $"/srv/out/{id}/{claim.OutputName}/video/{claim.OutputName}_fast_draft.mp4",
                error, null, failed ? "[mov,mp4] moov atom not found" : null, null, 48_000_000, failed ? null : 9_500_000, 60, false)
            {
                CpuSeconds = 11.5,
            };
            var attempt = new AttemptRecord(job.Attempt, failed ? "failed" : "succeeded", "ffmpeg -i ...", failed ? 1 : 0, null, job.StartedAt, job.StartedAt.AddSeconds(4));
            await store.CompleteAsync(job.JobId, job.LeaseToken, new JobCompletion(failed ? JobState.Failed : JobState.Succeeded, result, attempt), ct);
        }
    }

    private static string Name(int i) => string.Create(CultureInfo.InvariantCulture, $"clip{i:00000}");

    private static string Input(string id, int i) => $"/srv/media/{id}/{Name(i)}.mp4";
}
