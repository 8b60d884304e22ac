namespace Spool.Core.Presets;

/// <summary>The I/O edge of user presets: reads the file, then hands the text to <see cref="PresetYaml"/>.</summary>
public static class PresetFile
{
    public static async Task<PresetLoadOutcome> LoadAsync(string path, PresetCatalog catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var problem = ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot be read: {ex.Message}";
            return new PresetLoadOutcome.Invalid(new PresetFileError(path, null, null, null, problem));
        }

        return PresetYaml.Parse(text, path, catalog);
    }
}
