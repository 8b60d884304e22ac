using System.Globalization;
using System.Text;

namespace Spool.Media.Processes;

/// <summary>
/// Reads ffmpeg's "-progress pipe:1" output: key=value lines, one block per report, each block closed by a
/// "progress=continue" or "progress=end" line. Feed it text in chunks of any size; it returns the blocks each chunk
/// completes. No I/O: one instance per run, so the runner and the tests drive it the same way.
/// </summary>
public sealed class FfmpegProgressParser
{
    private readonly Dictionary<string, string> block = new(StringComparer.Ordinal);
    private readonly StringBuilder pendingLine = new();

    /// <summary>Feeds the next chunk of stdout; returns the blocks it completed, in order.</summary>
    public IReadOnlyList<FfmpegProgress> Push(ReadOnlySpan<char> chunk)
    {
        List<FfmpegProgress>? completed = null;
        while (!chunk.IsEmpty)
        {
            var newline = chunk.IndexOf('\n');
            if (newline < 0)
            {
                pendingLine.Append(chunk);
                break;
            }

            pendingLine.Append(chunk[..newline]);
            chunk = chunk[(newline + 1)..];
            var line = pendingLine.ToString();
            pendingLine.Clear();
            if (AcceptLine(line) is { } progress)
            {
                (completed ??= []).Add(progress);
            }
        }

        return completed ?? (IReadOnlyList<FfmpegProgress>)[];
    }

    /// <summary>Takes one line; returns the block's progress when the line is its closing "progress=" line.</summary>
    public FfmpegProgress? AcceptLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return null;
        }

        var key = line[..equals].Trim();
        var value = line[(equals + 1)..].Trim();
        if (!key.Equals("progress", StringComparison.Ordinal))
        {
            block[key] = value;
            return null;
        }

        var progress = FromBlock(block, value.Equals("end", StringComparison.Ordinal));
        block.Clear();
        return progress;
    }

    /// <summary>Parses a whole captured "-progress" text into its blocks.</summary>
    public static IReadOnlyList<FfmpegProgress> ParseAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new FfmpegProgressParser().Push(text.AsSpan());
    }

    /// <summary>One block's values to a progress record; missing or "N/A" values read as zero (speed as null).</summary>
    public static FfmpegProgress FromBlock(IReadOnlyDictionary<string, string> values, bool isEnd)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new FfmpegProgress(
            Frame: ReadLong(values, "frame"),
            Fps: ReadDouble(values, "fps") ?? 0,
            OutTime: ReadOutTime(values),
            Speed: ReadSpeed(values),
            TotalSizeBytes: ReadLong(values, "total_size"),
            IsEnd: isEnd);
    }

    // ffmpeg 5.1 writes out_time_ms in microseconds too (a long-standing naming bug), so both keys mean µs.
    private static TimeSpan ReadOutTime(IReadOnlyDictionary<string, string> values)
    {
        var micros = ReadLongOrNull(values, "out_time_us") ?? ReadLongOrNull(values, "out_time_ms");
        if (micros is { } us)
        {
            return us > 0 ? TimeSpan.FromMicroseconds(us) : TimeSpan.Zero;
        }

        return values.TryGetValue("out_time", out var text)
            && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var time) && time > TimeSpan.Zero
            ? time
            : TimeSpan.Zero;
    }

    private static double? ReadSpeed(IReadOnlyDictionary<string, string> values)
    {
        if (!values.TryGetValue("speed", out var text))
        {
            return null;
        }

        text = text.Trim().TrimEnd('x', 'X');
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var speed)
            && double.IsFinite(speed) && speed >= 0
            ? speed
            : null;
    }

    private static long ReadLong(IReadOnlyDictionary<string, string> values, string key) =>
        Math.Max(0, ReadLongOrNull(values, key) ?? 0);

    private static long? ReadLongOrNull(IReadOnlyDictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var text)
        && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    private static double? ReadDouble(IReadOnlyDictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var text)
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
        && double.IsFinite(number)
            ? number
            : null;
}
