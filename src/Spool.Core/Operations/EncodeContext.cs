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
}
