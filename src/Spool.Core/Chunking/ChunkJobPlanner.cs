using Spool.Core.Discovery;
using Spool.Core.Operations;
using Spool.Core.Planning;
using Spool.Core.Queue;
using Spool.Media.Probing;

namespace Spool.Core.Chunking;

/// <summary>
/// At submit: the chunk jobs of one input, when <see cref="ChunkRule"/> says it is chunked and its outputs allow it
/// (<see cref="ChunkCommands.CanChunk"/>, no media operation that changes the encode, no output copied from another).
/// Every chunkable output of the input gets the same chunks, split at the source's keyframes (<see cref="ChunkPlanner"/>).
/// </summary>
public sealed class ChunkJobPlanner(VideoPackets packets)
{
    public async Task<IReadOnlyList<NewJob>> PlanAsync(
        DiscoveredInput input, int inputIndex, MediaInfo? media, BatchSettings settings, double batchSeconds, Func<string, double> sortKey, int maxAttempts,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(sortKey);
        if (media?.PrimaryVideo is not { } video || settings.Operations.ChangesEncode || settings.Presets.Count == 0
            || ChunkRule.ChunkLength(settings.Chunk, media.EffectiveDuration, batchSeconds, settings.MaxConcurrent) is not { } length)
        {
            return [];
        }

        var target = new OutputTarget(Path.Combine(settings.OutputDirectory, input.OutputName), Path.GetFileName(input.OutputName));
        if (WorkPlanner.Plan(media, settings.Presets, settings.PlanOptions with { ThreadsPerJob = settings.ThreadsPerJob }, target) is not PlanOutcome.Planned { Plan: var plan }
            || plan.Outputs.Any(output => output.DuplicateOf is not null))
        {
            return [];
        }

        var chunkable = plan.Outputs.Where((output, i) => ChunkCommands.CanChunk(plan.Separate[i])).Select(output => output.PresetName).ToList();
        if (chunkable.Count == 0
            || await packets.ReadAsync(input.Path, video.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken) is not { } list)
        {
            return [];
        }

        var spans = ChunkPlanner.Split(list.Keyframes, media.EffectiveDuration!.Value, length);
        return [.. chunkable.SelectMany(preset => spans.Select(span =>
            new NewJob(inputIndex, input.Path, input.OutputName, JobChunk.JobName(preset, span.Index), sortKey(preset), maxAttempts)
            {
                Chunk = new JobChunk(preset, span.Index, spans.Count, span.Start, span.End),
            }))];
    }
}
