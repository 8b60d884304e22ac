namespace Spool.Core.Presets;

/// <summary>The presets a "--preset" value names, or why it names none.</summary>
public abstract record PresetSelection
{
    private PresetSelection()
    {
    }

    public sealed record Selected(IReadOnlyList<Preset> Presets) : PresetSelection;

    public sealed record Invalid(string Message) : PresetSelection;
}

public static class PresetParser
{
    public static PresetSelection ParseNames(string? text) => ParseNames(text, PresetCatalog.BuiltIn);

    /// <summary>
    /// Parses "web_optimized, mobile_optimized": names separated by commas, spaces around them ignored, matched
    /// case-insensitively. A name given twice counts once (two outputs must never share a path).
    /// </summary>
    public static PresetSelection ParseNames(string? text, PresetCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var names = (text ?? string.Empty)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(name => name.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
        {
            return new PresetSelection.Invalid($"No preset named. Known presets: {Known(catalog)}.");
        }

        var presets = new List<Preset>(names.Count);
        foreach (var name in names)
        {
            if (catalog.Find(name) is not { } preset)
            {
                return new PresetSelection.Invalid($"Unknown preset '{name}'. Known presets: {Known(catalog)}.");
            }

            presets.Add(preset);
        }

        return new PresetSelection.Selected(presets);
    }

    private static string Known(PresetCatalog catalog) => string.Join(", ", catalog.Names);
}
