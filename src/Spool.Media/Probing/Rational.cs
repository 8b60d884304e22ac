using System.Globalization;

namespace Spool.Media.Probing;

/// <summary>An ffprobe ratio such as a frame rate ("30000/1001") or an aspect ratio ("32:27").</summary>
public readonly record struct Rational(long Numerator, long Denominator)
{
    public static readonly Rational One = new(1, 1);

    public bool IsValid => Numerator > 0 && Denominator > 0;

    public double Value => IsValid ? (double)Numerator / Denominator : 0;

    /// <summary>Parses "a/b" or "a:b"; "0/0", "N/A", zero or negative parts give null.</summary>
    public static Rational? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var separator = text.IndexOfAny(['/', ':']);
        if (separator < 0)
        {
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) && whole > 0
                ? new Rational(whole, 1)
                : null;
        }

        var ok = long.TryParse(text.AsSpan(0, separator), NumberStyles.Integer, CultureInfo.InvariantCulture, out var num)
            & long.TryParse(text.AsSpan(separator + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var den);
        var value = new Rational(num, den);
        return ok && value.IsValid ? value : null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}
