using System.Runtime.InteropServices;

namespace Spool.Core.Placement;

/// <summary>
/// fsync for files and folders, so that what the store records as done survives a power cut: a file's bytes are on
/// disk before it is renamed, and the folder holding the new name is synced after. .NET cannot open a folder, hence libc.
/// </summary>
internal static partial class Durable
{
    private const int ReadOnly = 0;
    private const int CloseOnExec = 0x80000;

    /// <summary>Flushes a file's or a folder's contents (for a folder: its entries) to the disk.</summary>
    public static void Sync(string path)
    {
        var fd = Open(path, ReadOnly | CloseOnExec);
        if (fd < 0)
        {
            throw Failure("open", path);
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw Failure("fsync", path);
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>Every file and folder under <paramref name="folder"/>, then the folder itself.</summary>
    public static void SyncTree(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            Sync(file);
        }

        foreach (var sub in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories))
        {
            Sync(sub);
        }

        Sync(folder);
    }

    private static IOException Failure(string call, string path)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new IOException($"{call} of '{path}' failed: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
