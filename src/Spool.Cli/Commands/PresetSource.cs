using Spool.Core.Presets;

namespace Spool.Cli.Commands;

/// <summary>The catalog a command works with: the built-ins, plus --preset-file's presets when given.</summary>
internal static class PresetSource
{
    public static async Task<PresetCatalog> LoadAsync(string? presetFile, CancellationToken cancellationToken)
    {
        if (presetFile is null)
        {
            return PresetCatalog.BuiltIn;
        }

        if (!File.Exists(presetFile))
        {
            throw new UsageException($"--preset-file: '{presetFile}' does not exist.");
        }

        return await PresetFile.LoadAsync(presetFile, PresetCatalog.BuiltIn, cancellationToken) switch
        {
            PresetLoadOutcome.Loaded loaded => loaded.Catalog,
            PresetLoadOutcome.Invalid invalid => throw new UsageException("--preset-file: " + invalid.Error.Message),
            _ => throw new InvalidOperationException("Unknown preset load outcome."),
        };
    }

    public static IReadOnlyList<Preset> Select(PresetCatalog catalog, string? names) =>
        PresetParser.ParseNames(names, catalog) switch
        {
            PresetSelection.Selected selected => selected.Presets,
            PresetSelection.Invalid invalid => throw new UsageException("--preset: " + invalid.Message),
            _ => throw new InvalidOperationException("Unknown preset selection."),
        };
}
