using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Spool.Core.Steps.Cleanup;

/// <summary>
/// Pure parsers for what loudnorm prints at the end of a run, at info level on stderr: with print_format=json a
/// "{ … }" block of string values after the "[Parsed_loudnorm_N @ 0x…]" line, with print_format=summary lines like
/// "Normalization Type:   Linear".
/// </summary>
public static partial class LoudnormLog
{
    private static readonly string[] MeasuredNames = ["input_i", "input_tp", "input_lra", "input_thresh", "target_offset"];

    /// <summary>The last JSON block loudnorm printed, or null when there is none or a value is missing.</summary>
    public static LoudnessMeasurement? Parse(string stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var start = stderr.LastIndexOf("[Parsed_loudnorm", StringComparison.Ordinal);
        var open = start < 0 ? -1 : stderr.IndexOf('{', start);
        var close = open < 0 ? -1 : stderr.IndexOf('}', open);
        if (close < 0)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(stderr[open..(close + 1)]);
            var root = json.RootElement;
            var values = MeasuredNames
                .Select(name => Number(root, name))
                .ToArray();
            if (Array.Exists(values, value => value is null))
            {
                return null;
            }

            return new LoudnessMeasurement(values[0]!.Value, values[1]!.Value, values[2]!.Value, values[3]!.Value, values[4]!.Value)
            {
                NormalizationType = root.TryGetProperty("normalization_type", out var type) ? type.GetString() : null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>"linear" or "dynamic", from a JSON block or a summary, whichever the run printed last; null when neither.</summary>
    public static string? NormalizationType(string stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var matches = TypeLine().Matches(stderr);
        return matches.Count == 0 ? null : matches[^1].Groups["type"].Value.ToLowerInvariant();
    }

    // loudnorm writes every value as a string; "-inf" and "inf" (silence) are not numbers .NET parses.
    private static double? Number(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = element.GetString()!.Trim();
        return text switch
        {
            "-inf" => double.NegativeInfinity,
            "inf" or "+inf" => double.PositiveInfinity,
            _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null,
        };
    }

    [GeneratedRegex(@"(?:""normalization_type""\s*:\s*""|Normalization Type:\s*)(?<type>linear|dynamic)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TypeLine();
}
