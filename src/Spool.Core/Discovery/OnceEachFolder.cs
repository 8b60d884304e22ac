using Microsoft.Extensions.FileSystemGlobbing.Abstractions;
using Spool.Media.Files;

namespace Spool.Core.Discovery;

/// <summary>
/// A folder as the glob matcher walks it, entering each real folder once (by device and inode): a symbolic link
/// back to a folder already walked (a loop such as sub/loop → ..) or a second link to the same folder is skipped,
/// so no file is found twice and no walk runs away. Links are still followed to folders not walked yet. Within a
/// folder, real subfolders come before links, so a folder reached both ways keeps its real path.
/// </summary>
internal sealed class OnceEachFolder : DirectoryInfoBase
{
    private readonly DirectoryInfoBase inner;
    private readonly HashSet<FileId> walked;
    private readonly Func<string, bool> skip;

    private OnceEachFolder(DirectoryInfoBase inner, HashSet<FileId> walked, Func<string, bool> skip)
    {
        this.inner = inner;
        this.walked = walked;
        this.skip = skip;
    }

    public override string Name => inner.Name;

    public override string FullName => inner.FullName;

    public override DirectoryInfoBase? ParentDirectory => inner.ParentDirectory is { } parent ? Start(parent, skip) : null;

    /// <summary>
    /// The walk's root: walked already, so no link below it leads back into it. Folders <paramref name="skip"/> says
    /// yes to (Spool's own output trees) are not entered.
    /// </summary>
    public static OnceEachFolder Root(string folder, Func<string, bool> skip) => Start(new DirectoryInfoWrapper(new DirectoryInfo(folder)), skip);

    public override IEnumerable<FileSystemInfoBase> EnumerateFileSystemInfos()
    {
        var entries = inner.EnumerateFileSystemInfos().ToList();
        var folders = entries.OfType<DirectoryInfoBase>()
            .Select(folder => (Folder: folder, IsLink: FileFacts.OfLink(folder.FullName).Kind == FileKind.SymbolicLink))
            .OrderBy(entry => entry.IsLink)
            .ThenBy(entry => entry.Folder.Name, StringComparer.Ordinal)
            .Select(entry => entry.Folder)
            .Where(folder => !skip(folder.FullName))
            .Where(folder => FileFacts.Of(folder.FullName).Id is not { } id || walked.Add(id))
            .Select(folder => new OnceEachFolder(folder, walked, skip));
        return entries.Where(entry => entry is not DirectoryInfoBase).Concat(folders).ToList();
    }

    /// <summary>
    /// Only a pattern's ".." asks for this: a step out of the walk. What lies beyond is a walk of its own, so the
    /// folder it came from can be entered again from there ("../**/*" still finds it) while loops stay cut.
    /// </summary>
    public override DirectoryInfoBase? GetDirectory(string path) => inner.GetDirectory(path) is { } folder ? Start(folder, skip) : null;

    public override FileInfoBase? GetFile(string path) => inner.GetFile(path);

    private static OnceEachFolder Start(DirectoryInfoBase folder, Func<string, bool> skip)
    {
        var walked = new HashSet<FileId>();
        if (FileFacts.Of(folder.FullName).Id is { } id)
        {
            walked.Add(id);
        }

        return new OnceEachFolder(folder, walked, skip);
    }
}
