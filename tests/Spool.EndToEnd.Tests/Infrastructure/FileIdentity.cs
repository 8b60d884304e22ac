namespace Spool.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A file's inode and modification time (nanoseconds) from coreutils' stat: if either changed, the file was rewritten
/// or replaced, however equal its bytes.
/// </summary>
public sealed record FileIdentity(string Path, string Inode, string ModifiedAt)
{
    public static async Task<FileIdentity> OfAsync(string path)
    {
        var stat = await ToolRun.RunAsync("stat", ["--format=%i|%y", "--", path]);
        if (stat.ExitCode != 0)
        {
            throw new InvalidOperationException($"stat cannot read {path}: " + stat.Describe());
        }

        var parts = stat.Stdout.Trim().Split('|');
        return new FileIdentity(path, parts[0], parts[1]);
    }

    public override string ToString() => $"{System.IO.Path.GetFileName(Path)} (inode {Inode}, modified {ModifiedAt})";
}
