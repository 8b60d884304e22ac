using System.Globalization;
using System.Text.RegularExpressions;

namespace Spool.Core.Queue;

/// <summary>
/// The partial-name tag of a claimed job, "partial-&lt;job id&gt;-&lt;lease token&gt;", and the sweep of what earlier
/// holders of a job left behind. A lower token of the same job belongs to a holder whose lease is gone: its files can
/// never be placed (every rename is fenced), so the job's current holder may remove them. Higher tokens, other jobs'
/// tags and untagged files are never touched.
/// </summary>
internal static partial class StalePartials
{
    public static string TagOf(long jobId, long leaseToken) =>
        string.Create(CultureInfo.InvariantCulture, $"partial-{jobId}-{leaseToken}");

    public static void Remove(string inputFolder, IReadOnlyDictionary<long, long> tokensByJob)
    {
        if (!Directory.Exists(inputFolder))
        {
            return;
        }

        try
        {
            // Folders first (a stale hls.partial-… tree), then the files left in what remains.
            foreach (var folder in Directory.EnumerateDirectories(inputFolder, "*.partial-*", SearchOption.AllDirectories).ToList())
            {
                if (IsStale(Path.GetFileName(folder), tokensByJob))
                {
                    TryDelete(() => Directory.Delete(folder, recursive: true));
                }
            }

            foreach (var file in Directory.EnumerateFiles(inputFolder, "*.partial-*", SearchOption.AllDirectories).ToList())
            {
                if (IsStale(Path.GetFileName(file), tokensByJob))
                {
                    TryDelete(() => File.Delete(file));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A sweep that cannot finish leaves only files still named partial: never mistaken for outputs.
        }
    }

    private static bool IsStale(string name, IReadOnlyDictionary<long, long> tokensByJob) =>
        Tag().Match(name) is { Success: true } match
        && tokensByJob.TryGetValue(long.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture), out var current)
        && long.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture) < current;

    private static void TryDelete(Action delete)
    {
        try
        {
            delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    [GeneratedRegex(@"\.partial-(\d+)-(\d+)(?:\.|$)")]
    private static partial Regex Tag();
}
