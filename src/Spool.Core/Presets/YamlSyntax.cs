using System.Globalization;
using YamlDotNet.Core;

namespace Spool.Core.Presets;

/// <summary>
/// The one wording of a YAML syntax error (bad indentation, an unclosed quote, a tab, a duplicate key) for every
/// YAML file Spool reads: where it is, as a person counts (line and column from 1), then YamlDotNet's own reason.
/// </summary>
public static class YamlSyntax
{
    public static string Describe(YamlException error, string text)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(text);
        var (line, column) = error.Start.Index > 0 || error.End.Index > 0
            ? ((int)error.Start.Line, (int)error.Start.Column)
            : FirstTabIndent(text) ?? ((int)error.Start.Line, (int)error.Start.Column);
        var reason = error.InnerException?.Message ?? error.Message;
        return string.Create(CultureInfo.InvariantCulture, $"line {line}, column {column}: not valid YAML: {reason}");
    }

    // YamlDotNet's one error without a position is "found invalid tab as indentation": point at that tab.
    private static (int Line, int Column)? FirstTabIndent(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent)
            {
                return (i + 1, tab + 1);
            }
        }

        return null;
    }
}
