namespace Spool.Core.Planning;

/// <summary>Where one input's outputs go: "&lt;Directory&gt;/video/&lt;Name&gt;_&lt;preset&gt;.mp4".</summary>
public sealed record OutputTarget(string Directory, string Name)
{
    public const string Extension = ".mp4";

    /// <summary>Per preset, the tag of its partial file ("partial-&lt;lease token&gt;" for a claimed job); "partial" when absent.</summary>
    public IReadOnlyDictionary<string, string> PartialTags { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public string FinalPath(string presetName) => Path.Combine(Directory, "video", $"{Name}_{presetName}{Extension}");

    /// <summary>
    /// DESIGN.md: a file being written is named "&lt;final stem&gt;.partial-&lt;token&gt;.&lt;ext&gt;" until it is complete, so two
    /// holders of one job (a worker frozen past its lease and the one that took over) never write the same file.
    /// </summary>
    public string PartialPath(string presetName) =>
        Path.Combine(Directory, "video", $"{Name}_{presetName}.{PartialTags.GetValueOrDefault(presetName, "partial")}{Extension}");

    /// <summary>The report thumbnail the output's encode writes: its partial's name, ".jpg" for ".mp4" (swept with it when stale).</summary>
    public string ThumbnailPartialPath(string presetName) => Path.ChangeExtension(PartialPath(presetName), ".jpg");
}
