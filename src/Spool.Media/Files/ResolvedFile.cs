namespace Spool.Media.Files;

/// <summary>The file a path names, through symbolic links: a link's own FileInfo gives the link's size and time, not the file's.</summary>
public static class ResolvedFile
{
    /// <summary>The final target of a link (or the path itself). A loop of links throws IOException, as opening it would.</summary>
    public static FileInfo Of(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is not null ? info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info : info;
    }
}
