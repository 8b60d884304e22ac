namespace Spool.Core.Discovery;

/// <summary>
/// Gives every input an output name that no other input of the batch shares. "clip.mp4" alone stays "clip";
/// "a.mp4" beside "a.avi" become "a_mp4" and "a_avi", so neither ever overwrites the other; a clash the
/// extension cannot settle (the same file name from two folders given on the command line) gets "_2", "_3" in input order.
/// </summary>
internal static class OutputNames
{
    public static IReadOnlyList<DiscoveredInput> Assign(IReadOnlyList<(string Path, string RelativeFolder)> inputs)
    {
        var stems = inputs.Select(input => Join(input.RelativeFolder, Path.GetFileNameWithoutExtension(input.Path))).ToList();
        var clashing = stems
            .GroupBy(stem => stem, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .Select(group => group.Key)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var pairs = inputs
            .Select((input, i) => stems[i] + "\n" + Path.GetExtension(input.Path))
            .GroupBy(pair => pair, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.OrdinalIgnoreCase);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<DiscoveredInput>(inputs.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            var name = stems[i];
            var extensionTellsApart = pairs[name + "\n" + Path.GetExtension(inputs[i].Path)] == 1;
            if (clashing.Contains(name) && extensionTellsApart)
            {
                var extension = Path.GetExtension(inputs[i].Path).TrimStart('.').ToLowerInvariant();
                name = extension.Length > 0 ? name + "_" + extension : name;
            }

            var unique = name;
            for (var n = 2; !taken.Add(unique); n++)
            {
                unique = name + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            result.Add(new DiscoveredInput(inputs[i].Path, unique));
        }

        return result;
    }

    /// <summary>
    /// The folder and stem as a path that stays inside --output, whatever the pattern matched: a --pattern such as
    /// "../x/*" gives a relative folder "../x", which loses its "." and ".." segments ("x"); a stem of "." or ".."
    /// (from "...mp4") is no name at all, like an empty one.
    /// </summary>
    private static string Join(string folder, string stem)
    {
        var safeStem = stem is "" or "." or ".." ? "input" : stem;
        var segments = folder.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries)
            .Where(segment => segment is not ("." or ".."));
        return Path.Combine([.. segments, safeStem]);
    }
}
