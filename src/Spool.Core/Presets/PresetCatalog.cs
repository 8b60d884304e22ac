namespace Spool.Core.Presets;

/// <summary>An immutable set of presets by name: the built-ins, plus any a user added.</summary>
public sealed class PresetCatalog
{
    private readonly Dictionary<string, Preset> byName;

    private PresetCatalog(IReadOnlyList<Preset> presets)
    {
        Presets = presets;
        byName = presets.ToDictionary(preset => preset.Name, StringComparer.Ordinal);
    }

    public static PresetCatalog BuiltIn { get; } = new(BuiltInPresets.All);

    /// <summary>Every preset, built-ins first in DESIGN.md's order, then user presets in the order given.</summary>
    public IReadOnlyList<Preset> Presets { get; }

    public IReadOnlyList<string> Names => Presets.Select(preset => preset.Name).ToList();

    /// <summary>The preset used when none is named ("auto").</summary>
    public Preset Default => byName[BuiltInPresets.DefaultName];

    public Preset? Find(string name) => byName.GetValueOrDefault(name);

    public bool Contains(string name) => byName.ContainsKey(name);

    /// <summary>
    /// A new catalog with these presets added. Names must be valid and new: user input is checked by
    /// <see cref="PresetYaml"/> first, so a clash here is a bug and throws.
    /// </summary>
    public PresetCatalog WithUserPresets(IEnumerable<Preset> presets)
    {
        ArgumentNullException.ThrowIfNull(presets);
        var added = presets.ToList();
        foreach (var preset in added)
        {
            if (!PresetNames.IsValid(preset.Name))
            {
                throw new ArgumentException($"Invalid preset name '{preset.Name}'.", nameof(presets));
            }
        }

        var all = Presets.Concat(added).ToList();
        var duplicate = all.GroupBy(preset => preset.Name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Preset '{duplicate.Key}' is defined twice.", nameof(presets));
        }

        return new PresetCatalog(all);
    }
}
