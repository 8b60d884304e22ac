using Spool.Media.Files;

namespace Spool.Media.Probing;

/// <summary>
/// What one ffprobe run said about a file (its JSON and the first lines of its stderr, exactly what
/// <see cref="Prober"/> reads), with the file's size and modification time taken just before ffprobe opened it. Read
/// again with <see cref="Prober.ProbeAsync(string, ProbeCapture?, CancellationToken)"/>, it gives the same
/// <see cref="MediaInfo"/> without a second ffprobe, for as long as the file keeps that size and time.
/// </summary>
/// <param name="Bytes">The file's size before ffprobe ran.</param>
/// <param name="ModifiedTicks">Its last write time (UTC ticks) before ffprobe ran.</param>
/// <param name="Json">ffprobe's stdout.</param>
/// <param name="Stderr">The stderr lines the prober keeps as warnings, one per line.</param>
public sealed record ProbeCapture(long Bytes, long ModifiedTicks, string Json, string Stderr)
{
    /// <summary>The size and last write time of the file <paramref name="path"/> names (through links); null when there is none.</summary>
    public static (long Bytes, long ModifiedTicks)? StampOf(string path)
    {
        try
        {
            var info = ResolvedFile.Of(path);
            return info.Exists ? (info.Length, info.LastWriteTimeUtc.Ticks) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="path"/> still has the size and modification time it had when this was taken.</summary>
    public bool Matches(string path) => StampOf(path) == (Bytes, ModifiedTicks);
}
