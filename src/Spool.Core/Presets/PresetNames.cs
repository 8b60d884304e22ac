namespace Spool.Core.Presets;

/// <summary>Preset names are lowercase ASCII letters, digits, '_' and '-': they become part of output file names.</summary>
public static class PresetNames
{
    public const int MaxLength = 64;

    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name)
        && name.Length <= MaxLength
        && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-');
}
