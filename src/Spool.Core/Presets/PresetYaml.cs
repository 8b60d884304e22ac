using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Spool.Core.Presets;

/// <summary>
/// Reads user presets from YAML text ("presets: {name: {base: ..., crf: ...}}") into a catalog. Pure: the text is
/// given, nothing is read here. Bad input never throws; it comes back as the first problem, with file, line, preset and key.
/// </summary>
public static class PresetYaml
{
    public static PresetLoadOutcome Parse(string text, string file, PresetCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalog);
        YamlStream stream;
        try
        {
            stream = new YamlStream();
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            return Invalid(new PresetFileError(file, null, null, null, YamlSyntax.Describe(ex, text)));
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new PresetLoadOutcome.Loaded(catalog);
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode rootMap)
        {
            return Invalid(new PresetFileError(file, (int)root.Start.Line, null, null, "expected a mapping with a 'presets' key"));
        }

        YamlMappingNode? presetsMap = null;
        foreach (var (key, value) in rootMap.Children)
        {
            if (key is not YamlScalarNode { Value: "presets" })
            {
                return Invalid(new PresetFileError(file, (int)key.Start.Line, null, (key as YamlScalarNode)?.Value, "unknown top-level key; expected 'presets'"));
            }

            if (value is YamlScalarNode { Value: null or "" })
            {
                return new PresetLoadOutcome.Loaded(catalog);
            }

            presetsMap = value as YamlMappingNode;
            if (presetsMap is null)
            {
                return Invalid(new PresetFileError(file, (int)value.Start.Line, null, "presets", "expected a mapping of preset names to settings"));
            }
        }

        return presetsMap is null ? new PresetLoadOutcome.Loaded(catalog) : ReadPresets(presetsMap, file, catalog);
    }

    private static PresetLoadOutcome ReadPresets(YamlMappingNode presetsMap, string file, PresetCatalog catalog)
    {
        var declared = new Dictionary<string, (PresetOverrides Overrides, int Line)>(StringComparer.Ordinal);
        foreach (var (key, value) in presetsMap.Children)
        {
            var line = (int)key.Start.Line;
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!PresetNames.IsValid(name))
            {
                return Invalid(new PresetFileError(file, line, name, null, "a preset name is lowercase letters, digits, '_' and '-' (at most 64)"));
            }

            if (catalog.Contains(name))
            {
                return Invalid(new PresetFileError(file, line, name, null, $"'{name}' is already a preset; give yours another name and use 'base: {name}'"));
            }

            var node = value as YamlMappingNode;
            if (node is null && value is not YamlScalarNode { Value: null or "" })
            {
                return Invalid(new PresetFileError(file, line, name, null, "expected a mapping of settings (crf, max_short_side, ...)"));
            }

            var (overrides, error) = PresetOverrides.Read(file, name, node ?? new YamlMappingNode());
            if (error is not null)
            {
                return Invalid(error);
            }

            declared[name] = (overrides!, line);
        }

        var resolved = new Dictionary<string, Preset>(StringComparer.Ordinal);
        foreach (var name in declared.Keys)
        {
            var error = Resolve(name, declared, catalog, resolved, [], file);
            if (error is not null)
            {
                return Invalid(error);
            }
        }

        return new PresetLoadOutcome.Loaded(catalog.WithUserPresets(declared.Keys.Select(name => resolved[name])));
    }

    // Bases may be built-in or defined anywhere in the same file; a chain that comes back to itself is an error.
    private static PresetFileError? Resolve(
        string name,
        Dictionary<string, (PresetOverrides Overrides, int Line)> declared,
        PresetCatalog catalog,
        Dictionary<string, Preset> resolved,
        List<string> visiting,
        string file)
    {
        if (resolved.ContainsKey(name))
        {
            return null;
        }

        var (overrides, line) = declared[name];
        int? BaseLine() => overrides.KeyLines.TryGetValue("base", out var at) ? at : line;
        if (visiting.Contains(name, StringComparer.Ordinal))
        {
            var loop = string.Join(" -> ", visiting.SkipWhile(step => step != name).Append(name));
            return new PresetFileError(file, BaseLine(), name, "base", $"presets are based on each other in a loop: {loop}");
        }

        visiting.Add(name);

        Preset? basePreset = null;
        if (overrides.Base is { } baseName)
        {
            basePreset = catalog.Find(baseName);
            if (basePreset is null && declared.ContainsKey(baseName))
            {
                var error = Resolve(baseName, declared, catalog, resolved, visiting, file);
                if (error is not null)
                {
                    return error;
                }

                basePreset = resolved[baseName];
            }

            if (basePreset is null)
            {
                var known = string.Join(", ", catalog.Names.Concat(declared.Keys));
                return new PresetFileError(file, BaseLine(), name, "base", $"unknown preset '{baseName}'; known presets: {known}");
            }
        }

        var (preset, problem) = PresetComposer.Compose(name, basePreset, overrides);
        if (problem is not null)
        {
            var key = problem.Value.Key;
            int? at = key is not null && overrides.KeyLines.TryGetValue(key, out var keyLine) ? keyLine : line;
            return new PresetFileError(file, at, name, key, problem.Value.Problem);
        }

        visiting.Remove(name);
        resolved[name] = preset!;
        return null;
    }

    private static PresetLoadOutcome.Invalid Invalid(PresetFileError error) => new(error);
}
