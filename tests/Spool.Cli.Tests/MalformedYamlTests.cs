using System.Globalization;

namespace Spool.Cli.Tests;

/// <summary>
/// Issue 11: a malformed YAML document in --config or --preset-file is a usage error (exit 2) that names the file,
/// the line and the column, in one line: never "internal error", never a stack trace.
/// </summary>
[Collection(nameof(ConsoleCapture))]
public sealed class MalformedYamlTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-yaml-" + Guid.NewGuid().ToString("N"));

    public MalformedYamlTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllBytes(Path.Combine(_folder, "clip.mp4"), [1, 2, 3]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string> Documents => new()
    {
        // bad indentation: a key indented deeper than its sibling
        { "inputs: [clip.mp4]\nthumbnails: 2\n   sprite: true\n", "line 3, column 10" },
        // an unclosed quote
        { "inputs: [clip.mp4]\noutput: \"out\n", "line 2, column 9" },
        // a tab used for indentation
        { "presets:\n\tmy_web:\n\t\tcrf: 26\n", "line 2, column 1" },
        // the same key twice
        { "inputs: [clip.mp4]\nsprite: true\nsprite: false\n", "line 3, column 1" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Malformed_config_exits_2_naming_file_line_and_column(string yaml, string where)
    {
        var file = Path.Combine(_folder, "batch.yaml");
        await File.WriteAllTextAsync(file, yaml);

        var (code, errors) = await RunAsync(["plan", "--config", file]);

        Assert.Equal(2, code);
        Assert.StartsWith($"spool: --config {file}: {where}: not valid YAML: ", errors, StringComparison.Ordinal);
        AssertOneLine(errors);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Malformed_preset_file_exits_2_naming_file_line_and_column(string yaml, string where)
    {
        var file = Path.Combine(_folder, "presets.yaml");
        await File.WriteAllTextAsync(file, yaml);

        var (code, errors) = await RunAsync(["plan", Path.Combine(_folder, "clip.mp4"), "--preset-file", file]);

        Assert.Equal(2, code);
        Assert.StartsWith($"spool: --preset-file: {file}: {where}: not valid YAML: ", errors, StringComparison.Ordinal);
        AssertOneLine(errors);
    }

    private static void AssertOneLine(string errors)
    {
        Assert.DoesNotContain("internal error", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
        Assert.Equal(1, errors.Count(c => c == '\n'));
    }

    private static async Task<(int Code, string Errors)> RunAsync(string[] args)
    {
        var original = Console.Error;
        using var errors = new StringWriter(CultureInfo.InvariantCulture);
        Console.SetError(errors);
        try
        {
            return (await SpoolApp.RunAsync(args), errors.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }
}
