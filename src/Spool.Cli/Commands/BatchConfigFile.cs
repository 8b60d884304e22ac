using System.CommandLine;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Spool.Cli.Commands;

/// <summary>
/// --config FILE: a YAML batch config whose keys are the command's own flags (snake_case or kebab-case, without the
/// dashes) plus "inputs". It becomes command-line tokens, so a config value is checked exactly like the flag; a flag
/// given on the command line wins over the file, and paths in the file are relative to the file's folder.
/// <code>
/// inputs: [footage/]
/// preset: [web_optimized, mobile_optimized]
/// normalize_audio: true
/// thumbnails: 4
/// hls: true
/// </code>
/// </summary>
internal static class BatchConfigFile
{
    private static readonly HashSet<string> PathKeys = new(["output", "preset-file", "whisper-model"], StringComparer.Ordinal);

    /// <summary>The parse to run with: the original one when there is no --config, else a new parse with the file's values.</summary>
    public static async Task<(ParseResult Parse, IReadOnlyList<string> Paths)> ApplyAsync(
        ParseResult parse, Option<string?> config, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        if (parse.GetValue(config) is not { } file)
        {
            return (parse, paths);
        }

        if (!File.Exists(file))
        {
            throw new UsageException($"--config: '{file}' does not exist.");
        }

        var command = parse.CommandResult.Command;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var (tokens, inputs) = ToTokens(await File.ReadAllTextAsync(file, cancellationToken), file, folder, command, parse);
        var original = parse.Tokens.Select(token => token.Value).ToList();
        var at = original.FindIndex(token => token == "--config");
        if (at >= 0)
        {
            original.RemoveRange(at, Math.Min(2, original.Count - at));
        }

        var reparsed = parse.RootCommandResult.Command.Parse([.. original.Take(1), .. tokens, .. original.Skip(1)]);
        if (reparsed.Errors.Count > 0)
        {
            var error = reparsed.Errors[0];
            var key = error.SymbolResult is System.CommandLine.Parsing.OptionResult option ? $"'{option.Option.Name.TrimStart('-').Replace('-', '_')}': " : "";
            throw new UsageException($"--config {file}: {key}{error.Message}");
        }

        return (reparsed, paths.Count > 0 ? paths : inputs);
    }

    private static (List<string> Tokens, List<string> Inputs) ToTokens(string text, string file, string folder, Command command, ParseResult parse)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            root = stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map
                ? map
                : throw new UsageException($"--config {file}: expected a mapping of flags to values.");
        }
        catch (YamlException e)
        {
            throw new UsageException($"--config {file}: {Spool.Core.Presets.YamlSyntax.Describe(e, text)}");
        }

        var tokens = new List<string>();
        var inputs = new List<string>();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((keyNode as YamlScalarNode)?.Value ?? "").Replace('_', '-');
            var values = Values(value, file);
            if (key == "inputs")
            {
                inputs.AddRange(values.Select(input => Path.GetFullPath(input, folder)));
                continue;
            }

            var option = command.Options.FirstOrDefault(o => o.Name == "--" + key || (key == "presets" && o.Name == "--preset"))
                ?? throw new UsageException($"--config {file} line {keyNode.Start.Line}: unknown key '{keyNode}'; keys are the command's flags without dashes, and 'inputs'.");
            if (parse.GetResult(option) is { Implicit: false })
            {
                continue; // given on the command line: the flag wins
            }

            if (option.ValueType == typeof(bool))
            {
                if (values is not ["true" or "false"])
                {
                    throw new UsageException($"--config {file} line {value.Start.Line}: '{keyNode}' is true or false.");
                }

                if (values[0] == "true")
                {
                    tokens.Add(option.Name);
                }

                continue;
            }

            var joined = string.Join(',', PathKeys.Contains(key) ? values.Select(v => Path.GetFullPath(v, folder)) : values);
            tokens.AddRange([option.Name, joined]);
        }

        return (tokens, inputs);
    }

    private static List<string> Values(YamlNode node, string file) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? ""],
        YamlSequenceNode sequence when sequence.Children.All(child => child is YamlScalarNode) =>
            sequence.Children.Select(child => ((YamlScalarNode)child).Value ?? "").ToList(),
        _ => throw new UsageException($"--config {file} line {node.Start.Line}: expected a value or a list of values."),
    };
}
