using Spool.Core.Placement;
using Spool.Core.Reporting;
using Spool.Media.Probing;

namespace Spool.Core.Operations;

/// <summary>Writes &lt;name&gt;/metadata/probe.json: the normalised probe the plan was made from.</summary>
internal static class MetadataFiles
{
    /// <summary>Evidence, not an output: a probe.json that cannot be written (or whose lease is gone) fails nothing.</summary>
    public static Task WriteProbeAsync(string inputFolder, MediaInfo media, FilePlacer placer) =>
        ReportJson.WriteAtomicallyAsync(Path.Combine(inputFolder, "metadata", "probe.json"), media, placer, CancellationToken.None);
}
