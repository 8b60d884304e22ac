using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spool.Core.Placement;

namespace Spool.Core.Reporting;

/// <summary>The one JSON style of every file Spool writes: snake_case, indented, nulls kept so fields are always present.</summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Writes through a partial file, flushed, then renamed: a reader never sees half a report.</summary>
    public static Task<Placed> WriteAtomicallyAsync<T>(string path, T value, FilePlacer placer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placer);
        return placer.WriteAsync(path, (stream, token) => JsonSerializer.SerializeAsync(stream, value, Options, token), cancellationToken);
    }
}
