using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Spool.Core.Presets;
using Spool.Core.Queue;
using Spool.Core.Storage;
using Spool.Web.Workers;

namespace Spool.Web.Api;

/// <summary>GET /api/system (machine, workers, queue, job totals by state, throughput) and GET /api/presets.</summary>
internal static class SystemEndpoints
{
    private const int DiskBatches = 20;

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/system", SystemAsync);
        app.MapGet("/api/presets", () => Results.Ok(new
        {
            presets = PresetCatalog.BuiltIn.Presets.Select(preset => new { name = preset.Name, description = preset.Description }).ToList(),
        }));
    }

    /// <remarks>
    /// CPU use is the busy share since the previous request (at least 100 ms, see <see cref="ProcSampler"/>), so the
    /// dashboard's polling gives a running average without a sampling thread.
    /// </remarks>
    private static async Task<IResult> SystemAsync(IJobStore store, ISystemSampler sampler, InProcessWorkers own, TimeProvider clock, CancellationToken cancellationToken)
    {
        var sample = await sampler.SampleAsync(cancellationToken);
        var leased = await store.GetLeasedJobsAsync(cancellationToken);
        var counts = await store.CountJobsAsync(null, cancellationToken);
        var lastHour = await store.ListFinishedJobsAsync(clock.GetUtcNow().AddHours(-1), cancellationToken);
        var recent = await store.ListBatchesAsync(0, DiskBatches, cancellationToken);
        var succeeded = lastHour.Count(job => job.State == JobState.Succeeded);
        var failed = lastHour.Count(job => job.State == JobState.Failed);
        var jobs = Enum.GetValues<JobState>().ToDictionary(state => state.ToWireName(), state => counts.Values.Sum(count => count[state]));
        jobs["total"] = counts.Values.Sum(count => count.Total);
        return Results.Ok(new
        {
            cpu_percent = sample.CpuPercent is { } cpu ? Math.Round(cpu, 1) : (double?)null,
            memory = sample is { MemoryTotalBytes: { } total, MemoryUsedBytes: { } used } ? new { total_bytes = total, used_bytes = used } : null,
            disk = Disks(recent.Select(batch => batch.OutputDirectory)),
            workers = Workers(leased, own),
            queue_depth = jobs["queued"],
            jobs,
            throughput = new
            {
                jobs_last_hour = lastHour.Count,
                success_rate = succeeded + failed == 0 ? (double?)null : Math.Round((double)succeeded / (succeeded + failed), 4),
            },
        });
    }

    /// <summary>Each holder process with what it runs now; this server's own workers are listed even when idle.</summary>
    private static List<object> Workers(IReadOnlyList<JobRecord> leased, InProcessWorkers own)
    {
        var byHolder = leased.Where(job => job.Holder is not null).GroupBy(job => (job.Holder!.Host, job.Holder.ProcessId)).ToList();
        var workers = byHolder.Select(group => (object)new
        {
            host = group.Key.Host,
            pid = group.Key.ProcessId,
            jobs = group.Select(job => new
            {
                batch_id = job.BatchId,
                job_id = job.Id,
                input_name = Path.GetFileName(job.InputPath),
                preset = job.Preset,
                progress = job.Progress?.Percent is { } p ? Math.Round(p / 100, 4) : (double?)null,
            }).ToList(),
        }).ToList();
        if (own.Holder is { } self && !byHolder.Any(group => group.Key == (self.Host, self.ProcessId)))
        {
            workers.Insert(0, new { host = self.Host, pid = self.ProcessId, jobs = Array.Empty<object>() });
        }

        return workers;
    }

    /// <summary>Free space where recent batches write, each folder once (its nearest existing parent when not made yet).</summary>
    private static List<object> Disks(IEnumerable<string> outputs)
    {
        var disks = new List<object>();
        foreach (var output in outputs.Distinct(StringComparer.Ordinal))
        {
            var existing = output;
            while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
            {
                existing = parent;
            }

            try
            {
                var drive = new DriveInfo(existing);
                disks.Add(new { path = output, free_bytes = drive.AvailableFreeSpace, total_bytes = drive.TotalSize });
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // An unmounted or unreadable folder: nothing to show for it.
            }
        }

        return disks;
    }
}
