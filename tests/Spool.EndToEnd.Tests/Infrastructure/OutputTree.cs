namespace Spool.EndToEnd.Tests.Infrastructure;

/// <summary>What a batch's output folder holds, read from the disk: final videos, files still being written.</summary>
public static class OutputTree
{
    /// <summary>Finished videos: <c>&lt;name&gt;/video/*.mp4</c> without ".partial" in the name.</summary>
    public static IReadOnlyList<string> FinalVideos(string output) => VideoFiles(output)
        .Where(path => !IsPartial(path) && path.EndsWith(".mp4", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Every file in any video/ folder, finished or not.</summary>
    public static IReadOnlyList<string> VideoFiles(string output) => !Directory.Exists(output) ? [] :
        Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Where(path => Path.GetFileName(Path.GetDirectoryName(path)) == "video")
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Files anywhere in the tree whose name says they are incomplete.</summary>
    public static IReadOnlyList<string> PartialFiles(string output) => !Directory.Exists(output) ? [] :
        Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Where(IsPartial).Order(StringComparer.Ordinal).ToList();

    /// <summary>Polls until <paramref name="count"/> final videos exist; null when the run ended or the limit passed first.</summary>
    public static async Task<IReadOnlyList<string>?> WaitForFinalVideosAsync(string output, int count, ProcessGroup run, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(run);
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline && !run.HasExited)
        {
            if (FinalVideos(output) is { } videos && videos.Count >= count)
            {
                return videos;
            }

            await Task.Delay(50);
        }

        return null;
    }

    public static string Describe(string output) => !Directory.Exists(output) ? "(no output folder)" :
        string.Join("\n  ", Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(output, path)).Order(StringComparer.Ordinal));

    private static bool IsPartial(string path) => Path.GetFileName(path).Contains(".partial", StringComparison.Ordinal);
}
