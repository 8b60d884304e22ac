namespace Spool.Core.Steps.Images;

/// <summary>
/// The ".partial" naming of DESIGN.md for still images: a picture is written as "&lt;final stem&gt;.partial.&lt;ext&gt;"
/// (or "&lt;final stem&gt;.&lt;tag&gt;.partial.&lt;ext&gt;" when one output has several tries) and renamed only when complete.
/// </summary>
public static class PartialImages
{
    /// <summary>"/out/clip_01.jpg" to "/out/clip_01.partial.jpg"; with a tag, "/out/clip_01.2.partial.jpg".</summary>
    public static string For(string finalPath, string? tag = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(finalPath);
        var folder = Path.GetDirectoryName(finalPath) ?? "";
        var stem = Path.GetFileNameWithoutExtension(finalPath);
        var middle = tag is null ? ".partial" : $".{tag}.partial";
        return Path.Combine(folder, stem + middle + Path.GetExtension(finalPath));
    }

    public static void Place(string partialPath, string finalPath) => File.Move(partialPath, finalPath, overwrite: true);

    /// <summary>Removes what a failed or abandoned run left; one that cannot go now is still named .partial.</summary>
    public static void Delete(IEnumerable<string> partialPaths)
    {
        ArgumentNullException.ThrowIfNull(partialPaths);
        foreach (var path in partialPaths)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
