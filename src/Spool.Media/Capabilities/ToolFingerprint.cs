using Spool.Media.Files;

namespace Spool.Media.Capabilities;

/// <summary>
/// Which ffmpeg and ffprobe binaries a cached capability listing belongs to: each program resolved through PATH and
/// symlinks to the file that runs, with its size and modification time. An upgrade (apt replaces the binary) changes
/// the fingerprint, and the listing is asked for again.
/// </summary>
public sealed record ToolFingerprint(string Ffmpeg, string Ffprobe)
{
    /// <summary>The fingerprint of the two programs, or null when either cannot be found as a file.</summary>
    public static ToolFingerprint? Of(string ffmpeg, string ffprobe, string? searchPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ffmpeg);
        ArgumentException.ThrowIfNullOrWhiteSpace(ffprobe);
        return Identify(ffmpeg, searchPath) is { } a && Identify(ffprobe, searchPath) is { } b ? new ToolFingerprint(a, b) : null;
    }

    /// <summary>"path|size|mtime ticks" of the file a program name runs, or null.</summary>
    public static string? Identify(string program, string? searchPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(program);
        try
        {
            if (Locate(program, searchPath) is not { } path)
            {
                return null;
            }

            var file = ResolvedFile.Of(path);
            return file.Exists ? $"{file.FullName}|{file.Length}|{file.LastWriteTimeUtc.Ticks}" : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // A name with a slash is a path, as the shell and execvp treat it; a bare name is looked up on PATH in order.
    private static string? Locate(string program, string? searchPath)
    {
        if (program.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(program) ? Path.GetFullPath(program) : null;
        }

        return (searchPath ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
    }
}
