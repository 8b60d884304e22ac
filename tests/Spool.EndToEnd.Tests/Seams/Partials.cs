using Spool.EndToEnd.Tests.Infrastructure;

namespace Spool.EndToEnd.Tests.Seams;

/// <summary>Files and folders still being written: their names carry ".partial" until they are placed.</summary>
internal static class Partials
{
    public static List<string> In(string output) => Directory.Exists(output)
        ? Directory.EnumerateFileSystemEntries(output, "*", SearchOption.AllDirectories)
            .Where(path => Path.GetFileName(path).Contains(".partial", StringComparison.Ordinal))
            .ToList()
        : [];

    /// <summary>Waits until a .partial video file exists under <paramref name="output"/>; false when the run ended first.</summary>
    public static Task<bool> AppearAsync(string output, RunningTool run, TimeSpan limit) =>
        WaitAsync(() => In(output).Any(path => path.EndsWith(".mp4", StringComparison.Ordinal)), run, limit);

    public static async Task<bool> WaitAsync(Func<bool> condition, RunningTool run, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline && !run.HasExited)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition();
    }
}
