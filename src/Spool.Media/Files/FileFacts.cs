using System.Runtime.InteropServices;

namespace Spool.Media.Files;

/// <summary>What a path is, from its inode alone. Opening a FIFO blocks until a writer comes, so type checks never open.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,

    /// <summary>The platform gave no answer (not Linux, or statx refused): callers go on as if it were a regular file.</summary>
    Unknown,
}

/// <summary>A file's identity on this machine: two paths name the same file exactly when these are equal.</summary>
public readonly record struct FileId(uint DeviceMajor, uint DeviceMinor, ulong Inode);

/// <summary>
/// stat(2) facts about a path without opening it: its kind and identity. .NET has no public API for either (FileInfo
/// cannot tell a FIFO from a file, nor give an inode), so this asks Linux's statx(2), whose buffer layout is the same
/// on every architecture. A path that cannot be examined for another reason (permission) is <see cref="FileKind.Unknown"/>.
/// </summary>
public sealed record FileFacts(FileKind Kind, FileId? Id)
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const uint StatxInode = 0x100;
    private const int NoSuchFile = 2;
    private const int NotADirectory = 20;

    private static readonly FileFacts UnknownFacts = new(FileKind.Unknown, null);

    /// <summary>The thing <paramref name="path"/> names, through symbolic links (stat semantics).</summary>
    public static FileFacts Of(string path) => Query(path, followLinks: true);

    /// <summary>The path itself: a symbolic link is <see cref="FileKind.SymbolicLink"/> (lstat semantics).</summary>
    public static FileFacts OfLink(string path) => Query(path, followLinks: false);

    /// <summary>A word for messages: "a FIFO (named pipe)", "a socket".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Directory => "a directory",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Missing => "missing",
        _ => "a regular file",
    };

    private static FileFacts Query(string path, bool followLinks)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        int result;
        Statx buffer;
        try
        {
            result = NativeStatx(AtCurrentDirectory, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType | StatxInode, out buffer);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return UnknownFacts;
        }

        if (result != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno is NoSuchFile or NotADirectory ? new FileFacts(FileKind.Missing, null) : UnknownFacts;
        }

        var id = (buffer.Mask & StatxInode) != 0 ? new FileId(buffer.DeviceMajor, buffer.DeviceMinor, buffer.Inode) : (FileId?)null;
        return new FileFacts((buffer.Mask & StatxType) != 0 ? KindOf(buffer.Mode) : FileKind.Unknown, id);
    }

    private static FileKind KindOf(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.SymbolicLink,
        0x1000 => FileKind.Fifo,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        _ => FileKind.Unknown,
    };

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int NativeStatx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, out Statx buffer);

    /// <summary>struct statx (linux/stat.h): 256 bytes, the fields Spool reads at their fixed offsets.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct Statx
    {
        [FieldOffset(0)]
        public uint Mask;

        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(32)]
        public ulong Inode;

        [FieldOffset(136)]
        public uint DeviceMajor;

        [FieldOffset(140)]
        public uint DeviceMinor;
    }
}
