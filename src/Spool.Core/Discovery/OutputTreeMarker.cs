namespace Spool.Core.Discovery;

/// <summary>
/// ".spool-output" at the root of every output tree, one batch id per line: discovery never scans a folder holding it,
/// and a new batch writing into a folder that already holds one is told so.
/// </summary>
public static class OutputTreeMarker
{
    public const string FileName = ".spool-output";

    /// <summary>Whether discovery must not enter <c>folder</c>: an output tree, or the batch's own output folder.</summary>
    public static Func<string, bool> Skipper(string? outputDirectory)
    {
        var output = outputDirectory is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        return folder => File.Exists(Path.Combine(folder, FileName))
            || (output is not null && string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)), output, StringComparison.Ordinal));
    }

    /// <summary>The batches that wrote into <paramref name="outputDirectory"/> before, oldest first (none when new).</summary>
    public static IReadOnlyList<string> EarlierBatches(string outputDirectory)
    {
        try
        {
            var marker = Path.Combine(outputDirectory, FileName);
            return File.Exists(marker) ? File.ReadAllLines(marker).Where(line => line.Length > 0).ToList() : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Marks the folder as an output tree of <paramref name="batchId"/>. An unwritable folder fails its jobs later, with their category.</summary>
    public static void Mark(string outputDirectory, string batchId)
    {
        try
        {
            Directory.CreateDirectory(outputDirectory);
            File.AppendAllText(Path.Combine(outputDirectory, FileName), batchId + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
