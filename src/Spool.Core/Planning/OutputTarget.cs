namespace Spool.Core.Planning;

/// <summary>Where one input's outputs go: "&lt;Directory&gt;/video/&lt;Name&gt;_&lt;preset&gt;.mp4".</summary>
public sealed record OutputTarget(string Directory, string Name)
{
    public const string Extension = ".mp4";

    public string FinalPath(string presetName) => Path.Combine(Directory, "video", $"{Name}_{presetName}{Extension}");

    /// <summary>DESIGN.md: a file being written is named "&lt;final stem&gt;.partial.&lt;ext&gt;" until it is complete.</summary>
    public string PartialPath(string presetName) => Path.Combine(Directory, "video", $"{Name}_{presetName}.partial{Extension}");
}
