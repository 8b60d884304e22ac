using System.Globalization;

namespace Spool.Core.Steps.Cleanup;

/// <summary>
/// What "--color" asks for: <see cref="Auto"/> (levels measured from the picture) or <see cref="Manual"/> eq values.
/// Parse it with <see cref="Parse"/>; a bad flag is a <see cref="ColorParse"/> with an error, never an exception.
/// </summary>
public abstract record ColorRequest
{
    private ColorRequest()
    {
    }

    public sealed record Auto : ColorRequest;

    public sealed record Manual(EqSettings Eq) : ColorRequest;

    /// <summary>"auto", or "key=value" pairs separated by ":" with keys brightness, contrast, saturation and gamma.</summary>
    public static ColorParse Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return ColorParse.Failed("--color needs \"auto\" or values such as \"brightness=0.05:contrast=1.1:saturation=1.2\".");
        }

        if (trimmed.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return new ColorParse(new Auto(), null);
        }

        var seen = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var pair in trimmed.Split(':'))
        {
            var parts = pair.Split('=', 2);
            var key = parts[0].Trim().ToLowerInvariant();
            if (!EqSettings.Ranges.TryGetValue(key, out var range))
            {
                var known = string.Join(", ", EqSettings.Ranges.Keys);
                return ColorParse.Failed($"--color: unknown key '{parts[0].Trim()}' in \"{trimmed}\" (use auto, or {known}).");
            }

            if (parts.Length < 2
                || !double.TryParse(parts[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                || !double.IsFinite(value))
            {
                return ColorParse.Failed($"--color: {key} needs a number, as in {key}=1.1; got \"{pair.Trim()}\".");
            }

            if (value < range.Min || value > range.Max)
            {
                return ColorParse.Failed(string.Create(
                    CultureInfo.InvariantCulture, $"--color: {key} must be from {range.Min} to {range.Max}; got {value}."));
            }

            if (!seen.TryAdd(key, value))
            {
                return ColorParse.Failed($"--color: {key} is given twice in \"{trimmed}\".");
            }
        }

        var eq = new EqSettings(
            seen.GetValueOrDefault("brightness", 0),
            seen.GetValueOrDefault("contrast", 1),
            seen.GetValueOrDefault("saturation", 1),
            seen.GetValueOrDefault("gamma", 1));
        return new ColorParse(new Manual(eq), null);
    }
}

/// <summary>The outcome of reading "--color": a request, or the usage error to show (it names the flag).</summary>
public sealed record ColorParse(ColorRequest? Request, string? Error)
{
    public bool Succeeded => Request is not null;

    public static ColorParse Failed(string error) => new(null, error);
}
