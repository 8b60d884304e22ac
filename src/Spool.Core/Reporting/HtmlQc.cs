using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Spool.Core.Reporting;

/// <summary>
/// A job's qc object as a table cell, read generically from its JSON (ReportJson style) so it works for any shape:
/// "passed", then each of "checks":[{"name","passed","value"}] and the object's other numeric fields, then "problems".
/// </summary>
internal static class HtmlQc
{
    public static string Cell(object? qc)
    {
        if (qc is null)
        {
            return "<span class=\"muted\">—</span>";
        }

        var json = JsonSerializer.SerializeToElement(qc, qc.GetType(), ReportJson.Options);
        if (json.ValueKind != JsonValueKind.Object)
        {
            return Html.Text(json.ToString());
        }

        var html = new StringBuilder();
        if (json.TryGetProperty("passed", out var passed) && passed.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            html.Append(passed.GetBoolean() ? "<span class=\"ok\">passed</span>" : "<span class=\"bad\">failed</span>");
        }

        var values = Values(json).ToList();
        if (values.Count > 0)
        {
            html.Append("<div class=\"qc\">");
            html.AppendJoin(" · ", values.Select(v => v.Passed == false
                ? $"<span class=\"bad\">{Html.Text(v.Name)} {Html.Text(v.Value)}</span>"
                : $"{Html.Text(v.Name)} {Html.Text(v.Value)}"));
            html.Append("</div>");
        }

        if (json.TryGetProperty("problems", out var problems) && problems.ValueKind == JsonValueKind.Array)
        {
            foreach (var problem in problems.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String))
            {
                html.Append("<div class=\"bad small\">").Append(Html.Text(problem.GetString())).Append("</div>");
            }
        }

        return html.ToString();
    }

    /// <summary>Named values: each check's value, then the numeric top-level fields no check already gave.</summary>
    public static IEnumerable<(string Name, string Value, bool? Passed)> Values(JsonElement qc)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        if (qc.TryGetProperty("checks", out var checks) && checks.ValueKind == JsonValueKind.Array)
        {
            foreach (var check in checks.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object))
            {
                var name = check.TryGetProperty("name", out var n) ? n.ToString() : "check";
                bool? ok = check.TryGetProperty("passed", out var p) && p.ValueKind is JsonValueKind.True or JsonValueKind.False ? p.GetBoolean() : null;
                var value = check.TryGetProperty("value", out var v) ? Format(v) : null;
                named.Add(name);
                yield return (name, value ?? (ok == false ? "failed" : "ok"), ok);
            }
        }

        foreach (var property in qc.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number && !named.Contains(p.Name)))
        {
            yield return (property.Name, Format(property.Value)!, null);
        }
    }

    private static string? Format(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble().ToString("0.####", CultureInfo.InvariantCulture),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        _ => null,
    };
}
