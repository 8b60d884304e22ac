using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spool.Core.Benchmarking;

/// <summary>
/// What <c>spool bench</c> found, kept in <c>$SPOOL_HOME/bench.json</c>: the cores it ran on, the ffmpeg it timed,
/// the best concurrency and every row. A record made on another core count is not advice for this machine.
/// </summary>
public sealed record BenchRecord(
    [property: JsonPropertyName("cores")] int Cores,
    [property: JsonPropertyName("ffmpeg")] string Ffmpeg,
    [property: JsonPropertyName("measured_at")] DateTimeOffset MeasuredAt,
    [property: JsonPropertyName("concurrency")] int Concurrency,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("rows")] IReadOnlyList<BenchRecordRow> Rows)
{
    public const string FileName = "bench.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The advice for a machine of <paramref name="cores"/> cores: this record's best when it was measured on as many, else the rule.</summary>
    public static ConcurrencyAdvice AdviceFor(BenchRecord? record, int cores) =>
        record is { } measured && measured.Cores == cores && measured.Concurrency >= 1
            ? new ConcurrencyAdvice(Math.Min(measured.Concurrency, Operations.BatchSettingsBuilder.MostConcurrency), $"measured by spool bench on {measured.MeasuredAt:yyyy-MM-dd}")
            : ConcurrencyAdvice.Rule(cores);

    /// <summary>The record in <paramref name="home"/>, or null when there is none or it cannot be read (then the rule applies).</summary>
    public static BenchRecord? Read(string home)
    {
        try
        {
            return JsonSerializer.Deserialize<BenchRecord>(File.ReadAllText(Path.Combine(home, FileName)), Json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Writes the record beside a temporary name and renames it, so a reader never sees half of it.</summary>
    public async Task WriteAsync(string home, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(home);
        var path = Path.Combine(home, FileName);
        var partial = path + ".partial";
        await File.WriteAllTextAsync(partial, JsonSerializer.Serialize(this, Json), cancellationToken);
        File.Move(partial, path, overwrite: true);
    }
}

/// <summary>One measured setting as stored.</summary>
public sealed record BenchRecordRow(
    [property: JsonPropertyName("concurrency")] int Concurrency,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("wall_seconds")] double WallSeconds,
    [property: JsonPropertyName("realtime_factor")] double RealtimeFactor);
