using System.Globalization;

namespace Spool.Media.Probing;

/// <summary>Culture-invariant readers for ffprobe's textual values; each returns null rather than a nonsense number.</summary>
internal static class ProbeValues
{
    private static readonly string[] InterlacedFieldOrders = ["tt", "bb", "tb", "bt"];

    private static readonly string[] HdrTransfers = ["smpte2084", "arib-std-b67"];

    public static bool IsMissing(string? text) =>
        string.IsNullOrWhiteSpace(text) || string.Equals(text.Trim(), "N/A", StringComparison.OrdinalIgnoreCase);

    public static long? ParseLong(string? text) =>
        !IsMissing(text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    public static double? ParseDouble(string? text) =>
        !IsMissing(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>
    /// Seconds, or null. Absent, "N/A" and 0 (ffprobe's "don't know") are silently null; unreadable, NaN, negative and
    /// longer-than-a-week values are null with a warning naming <paramref name="what"/>.
    /// </summary>
    public static double? Duration(string? text, string what, List<string> warnings)
    {
        if (IsMissing(text))
        {
            return null;
        }

        var seconds = ParseDouble(text);
        string? problem = seconds switch
        {
            null => "is not a number",
            { } s when !double.IsFinite(s) => "is not a number",
            < 0 => "is negative",
            > ProbeNormalizer.MaxDurationSeconds => "is longer than a week",
            _ => null,
        };
        if (problem is not null)
        {
            warnings.Add($"{what} duration '{text}' {problem}; ignored.");
            return null;
        }

        return seconds > 0 ? seconds : null;
    }

    /// <summary>Clockwise display rotation in {0, 90, 180, 270}, from the display matrix first, else the legacy "rotate" tag.</summary>
    public static int Rotation(FfprobeStreamEntry stream)
    {
        // The display matrix's rotation is counter-clockwise (an upright phone clip says -90); the tag is clockwise.
        var matrix = stream.SideDataList?.FirstOrDefault(d =>
            d.Rotation is not null && string.Equals(d.SideDataType, "Display Matrix", StringComparison.OrdinalIgnoreCase));
        var clockwise = matrix?.Rotation is { } counterClockwise
            ? -counterClockwise
            : ParseDouble(stream.Tags is { } tags && tags.TryGetValue("rotate", out var tag) ? tag : null);
        if (clockwise is not { } degrees || !double.IsFinite(degrees))
        {
            return 0;
        }

        var quarters = Math.Round(degrees / 90, MidpointRounding.AwayFromZero) % 4;
        return (int)((quarters + 4) % 4) * 90;
    }

    /// <summary>bits_per_raw_sample when ffprobe gives a plausible one, else what the pixel format's name says.</summary>
    public static int BitDepth(string? bitsPerRawSample, string? pixelFormat)
    {
        if (ParseLong(bitsPerRawSample) is { } bits and >= 8 and <= 16)
        {
            return (int)bits;
        }

        if (string.IsNullOrEmpty(pixelFormat))
        {
            return 8;
        }

        static bool Has(string format, string depth) =>
            format.EndsWith(depth + "le", StringComparison.Ordinal)
            || format.EndsWith(depth + "be", StringComparison.Ordinal)
            || format.Contains("p" + depth, StringComparison.Ordinal);

        return Has(pixelFormat, "16") ? 16 : Has(pixelFormat, "12") ? 12 : Has(pixelFormat, "10") ? 10 : 8;
    }

    /// <summary>A stated bit rate in bit/s; absent, zero or unparseable is null.</summary>
    public static long? BitRate(string? text) => ParseLong(text) is { } rate and > 0 ? rate : null;

    /// <summary>A text field, null when absent, blank or ffprobe's "unknown".</summary>
    public static string? Text(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Equals("unknown", StringComparison.OrdinalIgnoreCase) ? null : text;

    /// <summary>
    /// The level as players and specs write it: H.264 and VP9 store ten times it (31 = 3.1), HEVC thirty times
    /// (93 = 3.1); other codecs' numbers are shown as they are. Zero or negative (-99) is unknown.
    /// </summary>
    public static string? Level(string? codec, int? level) => (codec, level) switch
    {
        (_, null or <= 0) => null,
        ("h264" or "vp9", { } l) => (l / 10.0).ToString("0.0", CultureInfo.InvariantCulture),
        ("hevc", { } l) => (l / 30.0).ToString("0.0", CultureInfo.InvariantCulture),
        (_, { } l) => l.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The language tag, "und" (undetermined) counted as none.</summary>
    public static string? Language(IReadOnlyDictionary<string, string>? tags) =>
        tags is not null && tags.TryGetValue("language", out var language) && Text(language) is { } text && text != "und" ? text : null;

    public static bool IsInterlaced(string? fieldOrder) =>
        fieldOrder is not null && InterlacedFieldOrders.Contains(fieldOrder.Trim(), StringComparer.OrdinalIgnoreCase);

    public static bool IsHdrTransfer(string? colorTransfer) =>
        colorTransfer is not null && HdrTransfers.Contains(colorTransfer.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>True when both rates are known and differ by more than 1 %.</summary>
    public static bool IsVariableFrameRate(Rational? real, Rational? average) =>
        real is { } r && average is { } a && Math.Abs(r.Value - a.Value) > 0.01 * Math.Max(r.Value, a.Value);

    /// <summary>The sample aspect ratio, else the one implied by the display aspect, else 1:1.</summary>
    public static Rational SampleAspect(string? sar, string? dar, int width, int height)
    {
        if (Rational.Parse(sar) is { } sample)
        {
            return sample;
        }

        if (Rational.Parse(dar) is not { } display)
        {
            return Rational.One;
        }

        // SAR = DAR × height / width, reduced.
        var numerator = display.Numerator * height;
        var denominator = display.Denominator * width;
        var divisor = GreatestCommonDivisor(numerator, denominator);
        return new Rational(numerator / divisor, denominator / divisor);
    }

    private static long GreatestCommonDivisor(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return Math.Max(1, a);
    }
}
