using Microsoft.Extensions.FileSystemGlobbing;

namespace Spool.Core.Discovery;

/// <summary>
/// Turns what the user named into a stable, de-duplicated list of inputs with unique output names.
/// Folders give their video files (sorted ordinally, so two runs agree); a named file is always taken, even a
/// missing one or a FIFO, so it ends as a classified failure instead of vanishing (nothing here opens a file); a path
/// with * ? or [ is a glob. Symbolic links are followed, each real folder once. Spool's own output trees (a folder
/// holding <see cref="OutputTreeMarker.FileName"/>) and the batch's --output folder are never scanned: a re-run in a
/// footage folder must not take the first run's outputs as inputs.
/// </summary>
public static class InputDiscovery
{
    public static IReadOnlyList<DiscoveredInput> Discover(DiscoveryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = new List<(string Path, string RelativeFolder)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in request.Paths)
        {
            foreach (var item in Expand(raw, request))
            {
                if (seen.Add(item.Path))
                {
                    found.Add(item);
                }
            }
        }

        return OutputNames.Assign(found);
    }

    private static IEnumerable<(string Path, string RelativeFolder)> Expand(string raw, DiscoveryRequest request)
    {
        var path = Path.GetFullPath(raw, request.WorkingDirectory);
        var skip = OutputTreeMarker.Skipper(request.OutputDirectory is { } output ? Path.GetFullPath(output, request.WorkingDirectory) : null);
        if (Directory.Exists(path))
        {
            return ScanFolder(path, request.Recursive, request.Pattern, skip);
        }

        if (!File.Exists(path) && IsGlob(raw))
        {
            return ExpandGlob(raw, request.WorkingDirectory, skip);
        }

        return [(path, "")];
    }

    private static bool IsGlob(string path) => path.AsSpan().IndexOfAny("*?[") >= 0;

    private static IEnumerable<(string Path, string RelativeFolder)> ScanFolder(string folder, bool recursive, string? pattern, Func<string, bool> skip)
    {
        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        matcher.AddInclude(pattern ?? (recursive ? "**/*" : "*"));
        var files = Match(matcher, folder, skip)
            .Where(VideoExtensions.IsVideo)
            .Where(file => recursive || Path.GetDirectoryName(file) == folder.TrimEnd(Path.DirectorySeparatorChar))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(folder, Path.GetDirectoryName(file)!);
            yield return (file, relative == "." ? "" : relative);
        }
    }

    private static IEnumerable<(string Path, string RelativeFolder)> ExpandGlob(string pattern, string workingDirectory, Func<string, bool> skip)
    {
        var full = Path.GetFullPath(pattern, workingDirectory);
        var root = RootOf(full);
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(Path.GetRelativePath(root, full));
        return Match(matcher, root, skip)
            .Order(StringComparer.Ordinal)
            .Select(file => (file, ""));
    }

    /// <summary>The matcher's files under <paramref name="root"/>, as full paths, with each real folder walked once.</summary>
    private static IEnumerable<string> Match(Matcher matcher, string root, Func<string, bool> skip) =>
        matcher.Execute(OnceEachFolder.Root(root, skip)).Files.Select(match => Path.GetFullPath(Path.Combine(root, match.Path)));

    // The longest leading folder of the pattern without wildcards: the place the match starts from.
    private static string RootOf(string fullPattern)
    {
        var parts = fullPattern.Split(Path.DirectorySeparatorChar);
        var literal = parts.TakeWhile(part => !IsGlob(part)).ToArray();
        var root = string.Join(Path.DirectorySeparatorChar, literal);
        return root.Length == 0 ? Path.DirectorySeparatorChar.ToString() : root;
    }
}
