using Spool.Core.Reporting;
using Spool.Media.Probing;

namespace Spool.Core.Operations;

/// <summary>Writes &lt;name&gt;/metadata/probe.json: the normalised probe the plan was made from.</summary>
internal static class MetadataFiles
{
    public static Task WriteProbeAsync(string inputFolder, MediaInfo media) =>
        ReportJson.WriteAtomicallyAsync(Path.Combine(inputFolder, "metadata", "probe.json"), media, CancellationToken.None);
}
