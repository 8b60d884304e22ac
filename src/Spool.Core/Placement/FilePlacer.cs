using System.Text;
using Spool.Core.Operations;

namespace Spool.Core.Placement;

/// <summary>
/// The one way Spool puts a file or folder under its final name (DESIGN.md): write it under a partial name that carries
/// the writer's lease token, flush it to disk, ask the store whether the lease is still held (a fenced call), rename,
/// and flush the folder that holds the new name. A writer deletes only partials carrying its own tag, so a worker that
/// lost its lease can never remove or replace what the job's new holder wrote.
/// </summary>
public sealed class FilePlacer(IPlacementFence fence)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>For the CLI's own commands and reports: no lease to check.</summary>
    public static FilePlacer Unfenced { get; } = new(new NoFence());

    public string Tag => fence.Tag;

    /// <summary>"/out/a.mp4" → "/out/a.partial-17.mp4"; with a variant (several tries at one file) "/out/a.2.partial-17.mp4".</summary>
    public string PartialFor(string finalPath, string? variant = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(finalPath);
        var middle = variant is null ? "." + Tag : $".{variant}.{Tag}";
        return Path.Combine(Path.GetDirectoryName(finalPath) ?? "", Path.GetFileNameWithoutExtension(finalPath) + middle + Path.GetExtension(finalPath));
    }

    /// <summary>"/out/clip/hls" → "/out/clip/hls.partial-17".</summary>
    public string PartialFolderFor(string finalFolder) => Path.TrimEndingDirectorySeparator(finalFolder) + "." + Tag;

    public async Task<Placed> PlaceFileAsync(string partial, string final, CancellationToken cancellationToken)
    {
        try
        {
            Durable.Sync(partial);
            if (!await fence.HoldsAsync(cancellationToken))
            {
                Discard(partial);
                return Placed.Lost;
            }

            File.Move(partial, final, overwrite: true);
            SyncParents(final);
            return Placed.Done;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Discard(partial);
            return new Placed.Failed(ExceptionErrors.ClassifyOutput(e));
        }
    }

    /// <summary>A whole folder (an HLS package): an earlier one is moved aside under this writer's tag, then removed.</summary>
    public async Task<Placed> PlaceFolderAsync(string partial, string final, CancellationToken cancellationToken)
    {
        var old = final + "." + Tag + ".old";
        try
        {
            Durable.SyncTree(partial);
            if (!await fence.HoldsAsync(cancellationToken))
            {
                Discard(partial);
                return Placed.Lost;
            }

            if (Directory.Exists(final))
            {
                Directory.Move(final, old);
            }

            Directory.Move(partial, final);
            SyncParents(final);
            Discard(old);
            return Placed.Done;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Discard(partial);
            return new Placed.Failed(ExceptionErrors.ClassifyOutput(e));
        }
    }

    /// <summary>Writes <paramref name="final"/> through a partial file: a reader never sees half of it.</summary>
    public async Task<Placed> WriteAsync(string final, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var partial = PartialFor(final);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(final))!);
            await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                await write(stream, cancellationToken);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Discard(partial);
            return new Placed.Failed(ExceptionErrors.ClassifyOutput(e));
        }
        catch
        {
            Discard(partial);
            throw;
        }

        return await PlaceFileAsync(partial, final, cancellationToken);
    }

    public Task<Placed> WriteTextAsync(string final, string text, CancellationToken cancellationToken) =>
        WriteAsync(final, (stream, token) => stream.WriteAsync(Utf8.GetBytes(text), token).AsTask(), cancellationToken);

    /// <summary>Removes a partial file or folder of this writer's (its name carries <see cref="Tag"/>); anything else is left alone.</summary>
    public void Discard(string partialPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partialPath);
        if (!Path.GetFileName(Path.TrimEndingDirectorySeparator(partialPath)).Contains("." + Tag, StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            if (Directory.Exists(partialPath))
            {
                Directory.Delete(partialPath, recursive: true);
            }
            else
            {
                File.Delete(partialPath);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Still named as this writer's partial: never mistaken for an output, and no one else's.
        }
    }

    public void Discard(IEnumerable<string> partialPaths)
    {
        ArgumentNullException.ThrowIfNull(partialPaths);
        foreach (var path in partialPaths)
        {
            Discard(path);
        }
    }

    // The new name lives in its folder; a folder made for this output lives in its parent: both reach the disk.
    private static void SyncParents(string final)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(Path.TrimEndingDirectorySeparator(final)))!;
        Durable.Sync(folder);
        if (Path.GetDirectoryName(folder) is { } parent)
        {
            Durable.Sync(parent);
        }
    }
}
