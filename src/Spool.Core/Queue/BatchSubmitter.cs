using Spool.Core.Chunking;
using Spool.Core.Discovery;
using Spool.Core.Operations;
using Spool.Core.Storage;
using Spool.Media.Probing;

namespace Spool.Core.Queue;

/// <summary>
/// Persists a batch before any of it runs (Sonarr's rule: commands are stored before they are queued). Each input is
/// probed once, cheaply, to order the work longest-first, and the probe is stored with the batch so that its jobs
/// plan from it instead of running ffprobe again; an input that cannot be probed still gets its jobs, which probe it
/// again when they run and fail with a classified error.
/// </summary>
public sealed class BatchSubmitter(IJobStore store, Prober prober, ChunkJobPlanner? chunks = null)
{
    /// <summary>Stores the batch under <paramref name="baseId"/>, or its next free suffix (see <see cref="BatchIds"/>); returns the id stored.</summary>
    public async Task<string> SubmitAsync(
        string baseId, IReadOnlyList<DiscoveredInput> inputs, BatchSettings settings, BatchPriority priority, int retryCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(settings);
        var strategy = settings.Admission.Strategy;
        var sources = new MediaInfo?[inputs.Count];
        var captures = new ProbeCapture?[inputs.Count];
        if (strategy != ParallelStrategy.Sequential)
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, inputs.Count),
                new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
                async (i, token) =>
                {
                    var (outcome, capture) = await prober.CaptureAsync(inputs[i].Path, token);
                    (sources[i], captures[i]) = (outcome is ProbeOutcome.Probed probed ? probed.Media : null, capture);
                });
        }

        var jobs = new List<NewJob>();
        var batchSeconds = sources.Sum(source => source?.EffectiveDuration ?? 0);
        for (var i = 0; i < inputs.Count; i++)
        {
            foreach (var preset in settings.Presets)
            {
                var sortKey = strategy == ParallelStrategy.Sequential ? -i : WorkCost.Estimate(sources[i], preset);
                jobs.Add(new NewJob(i, inputs[i].Path, inputs[i].OutputName, preset.Name, sortKey, retryCount + 1));
            }

            // Chunks take their output's sort key: claimed alone, ahead of the join that waits for them.
            if (chunks is not null && strategy != ParallelStrategy.Sequential)
            {
                var index = i;
                jobs.AddRange(await chunks.PlanAsync(
                    inputs[i], i, sources[i], settings, batchSeconds,
                    name => WorkCost.Estimate(sources[index], settings.Presets.First(preset => preset.Name == name)), retryCount + 1, cancellationToken));
            }

            foreach (var step in settings.Operations.StepNames())
            {
                var sortKey = strategy == ParallelStrategy.Sequential ? -i : WorkCost.Estimate(sources[i], settings.Presets[0]);
                jobs.Add(new NewJob(i, inputs[i].Path, inputs[i].OutputName, step, sortKey, retryCount + 1));
            }
        }

        var options = BatchOptionsSnapshot.From(settings, retryCount);
        var probes = Enumerable.Range(0, inputs.Count).Where(i => captures[i] is not null).ToDictionary(i => i, i => captures[i]!);
        var batch = new NewBatch(baseId, priority, settings.OutputDirectory, options.ToJson(), inputs.Count, jobs) { Probes = probes };
        var stored = await store.CreateBatchAsync(batch, cancellationToken);
        OutputTreeMarker.Mark(settings.OutputDirectory, stored);
        return stored;
    }
}
