using System.Globalization;

namespace Spool.Core.Presets;

/// <summary>What loading a user preset file gave: the catalog with the user's presets added, or the first problem found.</summary>
public abstract record PresetLoadOutcome
{
    private PresetLoadOutcome()
    {
    }

    public sealed record Loaded(PresetCatalog Catalog) : PresetLoadOutcome;

    public sealed record Invalid(PresetFileError Error) : PresetLoadOutcome;
}

/// <summary>A problem in a preset file, located as precisely as it is known (file, line, preset, key).</summary>
public sealed record PresetFileError(string File, int? Line, string? Preset, string? Key, string Problem)
{
    /// <summary>One line for the user: "presets.yaml:4: preset 'my_web': crf: 'abc' is not a whole number from 0 to 51".</summary>
    public string Message
    {
        get
        {
            var where = Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"{File}:{line}") : File;
            var preset = Preset is null ? string.Empty : $" preset '{Preset}':";
            var key = Key is null ? string.Empty : $" {Key}:";
            return $"{where}:{preset}{key} {Problem}";
        }
    }

    public override string ToString() => Message;
}
