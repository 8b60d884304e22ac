using Spool.Core.Discovery;
using Spool.Media.Probing;

namespace Spool.Core.Operations;

/// <summary>What the encode step knows about the work item it runs, and the analysis passes behind its encodes.</summary>
internal sealed record EncodeContext(DiscoveredInput Input, MediaInfo Source, JobLog Log, DateTimeOffset Started, IReadOnlyList<OperationRecord> Operations)
{
    /// <summary>The video filters the encode runs on the source (stabilise, colour, a burn): QC's reference runs them too.</summary>
    public IReadOnlyList<string> SourceFilters { get; init; } = [];

    /// <summary>Warnings every job of this encode carries, whatever its outcome (a hardware fallback, an unproven --hwaccel).</summary>
    public IReadOnlyList<JobWarning> Warnings { get; init; } = [];

    /// <summary>Per preset, the record its success leaves so a later run can skip it (see <see cref="UpToDate"/>); empty when none is kept.</summary>
    public IReadOnlyDictionary<string, Queue.DoneOutput> Pending { get; init; } = new Dictionary<string, Queue.DoneOutput>(StringComparer.Ordinal);
}
