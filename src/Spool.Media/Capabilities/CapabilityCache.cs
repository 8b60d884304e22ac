using System.Text.Json;

namespace Spool.Media.Capabilities;

/// <summary>
/// The last capability listing of this machine's ffmpeg, kept in one JSON file (in $SPOOL_HOME) with the fingerprint
/// of the binaries it came from. Four listings cost four ffmpeg starts (about 0.3 s) on every command; a file read
/// costs nothing. A missing, unreadable or foreign file is a miss, and a file that cannot be written is skipped: the
/// cache only ever saves time, it never decides anything.
/// </summary>
public sealed class CapabilityCache(string file)
{
    public const string FileName = "ffmpeg-capabilities.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public async Task<FfmpegCapabilities?> ReadAsync(ToolFingerprint key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            await using var stream = File.OpenRead(file);
            var entry = await JsonSerializer.DeserializeAsync<Entry>(stream, Json, cancellationToken);
            return entry is { Version.Length: > 0 } && entry.Ffmpeg == key.Ffmpeg && entry.Ffprobe == key.Ffprobe
                ? new FfmpegCapabilities(
                    entry.Version,
                    entry.Encoders.ToHashSet(StringComparer.Ordinal),
                    entry.Filters.ToHashSet(StringComparer.Ordinal),
                    entry.HardwareAccelerations.ToHashSet(StringComparer.Ordinal))
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    public async Task WriteAsync(ToolFingerprint key, FfmpegCapabilities capabilities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(capabilities);
        var entry = new Entry(
            key.Ffmpeg,
            key.Ffprobe,
            capabilities.Version,
            [.. capabilities.Encoders.Order(StringComparer.Ordinal)],
            [.. capabilities.Filters.Order(StringComparer.Ordinal)],
            [.. capabilities.HardwareAccelerations.Order(StringComparer.Ordinal)]);
        var temporary = $"{file}.{Environment.ProcessId}.partial";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(entry, Json), cancellationToken);
            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Forget(temporary);
        }
    }

    // Where the folder could not even be made there is nothing to delete, and deleting must not fail the command either.
    private static void Forget(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private sealed record Entry(
        string Ffmpeg, string Ffprobe, string Version, string[] Encoders, string[] Filters, string[] HardwareAccelerations);
}
