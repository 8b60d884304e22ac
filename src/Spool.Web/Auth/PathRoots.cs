namespace Spool.Web.Auth;

/// <summary>
/// The folders (serve --root) a submission may read and write inside. A path is judged by where it really leads:
/// every symlink on the way is followed (a path that does not exist yet is judged by its nearest existing folder),
/// and it is inside a root when the root's segments begin its segments, so /srv/media-evil is not inside /srv/media.
/// No roots: every path is allowed (a loopback-only server; see <see cref="ServerOptions.Problem"/>).
/// </summary>
internal sealed class PathRoots
{
    // Linux's limit (ELOOP): a chain longer than this is a loop, and a path that cannot be resolved is outside.
    private const int MaxLinks = 40;

    private readonly List<string[]> _roots;

    public PathRoots(IReadOnlyList<string> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        Named = roots;
        _roots = roots.Select(root => RealPath(root) ?? throw new ArgumentException($"--root '{root}' cannot be resolved.", nameof(roots))).Select(Segments).ToList();
    }

    /// <summary>The roots as given, for messages.</summary>
    public IReadOnlyList<string> Named { get; }

    public bool Limits => _roots.Count > 0;

    /// <summary>Whether the absolute <paramref name="path"/>, followed through every symlink, lies inside a root.</summary>
    public bool Contains(string path) =>
        !Limits || (RealPath(path) is { } real && _roots.Any(root => Segments(real).AsSpan().StartsWith(root)));

    /// <summary>
    /// What an absolute path really names, as realpath(3) would, except that the part that does not exist yet is
    /// kept as written (".." in it steps back lexically, as it will once created). Null for a symlink loop.
    /// </summary>
    public static string? RealPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var pending = new Stack<string>(Segments(path).Reverse());
        var current = "/";
        var links = 0;
        while (pending.TryPop(out var segment))
        {
            if (segment == "..")
            {
                current = Path.GetDirectoryName(current) ?? "/";
                continue;
            }

            var next = Path.Join(current, segment);
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            // The link's own segments come next, from the root when absolute, else from the folder holding the link.
            foreach (var part in Segments(target).Reverse())
            {
                pending.Push(part);
            }

            current = Path.IsPathRooted(target) ? "/" : current;
        }

        return current;
    }

    private static string[] Segments(string path) =>
        path.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Where(segment => segment != ".").ToArray();
}
