using System.Globalization;

namespace Spool.Core.Chunking;

public enum ChunkKind
{
    /// <summary>Chunk an input when it alone would hold the batch's tail on one slot (see <see cref="ChunkRule"/>).</summary>
    Auto,

    /// <summary>Never chunk.</summary>
    Off,

    /// <summary>Chunk every input longer than twice <see cref="ChunkSetting.Seconds"/> into chunks of about that length.</summary>
    Fixed,
}

/// <summary>"--chunk auto|off|SECONDS" as a value.</summary>
public sealed record ChunkSetting(ChunkKind Kind, double Seconds)
{
    public static ChunkSetting Auto { get; } = new(ChunkKind.Auto, 0);

    public static ChunkSetting Off { get; } = new(ChunkKind.Off, 0);

    /// <summary>Parses "auto", "off" or a number of seconds (at least 1); null when the text is none of them.</summary>
    public static ChunkSetting? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        if (value.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return Auto;
        }

        if (value.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return Off;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) && seconds >= 1
            ? new ChunkSetting(ChunkKind.Fixed, seconds)
            : null;
    }

    public string ToWire() => Kind switch
    {
        ChunkKind.Auto => "auto",
        ChunkKind.Off => "off",
        _ => Seconds.ToString("0.###", CultureInfo.InvariantCulture),
    };
}
