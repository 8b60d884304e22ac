using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Spool.Bench.ApiLatency;

/// <summary>
/// The table bench/api.sh writes: each store's p50/p95/p99/max per route and mode, and each loaded store's p99 over
/// the baseline store's for the same route and mode (rows matched by position: every store is asked the same routes).
/// </summary>
public static class LatencyReport
{
    public static string Render(IReadOnlyList<string> tsvLines)
    {
        ArgumentNullException.ThrowIfNull(tsvLines);
        var rows = tsvLines.Where(line => line.Length > 0).Select(line => line.Split('\t')).ToList();
        var baseline = rows.Where(row => row[0] == "baseline").ToList();
        var text = new StringBuilder();
        foreach (var store in rows.GroupBy(row => row[0]))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"store: {store.Key}");
            text.AppendLine("  route                                          clients      n    p50 ms    p95 ms    p99 ms    max ms     bytes  p99/baseline");
            var index = 0;
            foreach (var row in store)
            {
                var ratio = store.Key == "baseline" || index >= baseline.Count
                    ? "" : (Number(row[6]) / Number(baseline[index][6])).ToString("0.00", CultureInfo.InvariantCulture);
                text.AppendLine(CultureInfo.InvariantCulture, $"  {Route(row[1]),-46} {row[2],7} {row[3],6} {row[4],9} {row[5],9} {row[6],9} {row[7],9} {row[8],9}  {ratio}");
                index++;
            }
        }

        return text.ToString();
    }

    private static string Route(string path) => path.StartsWith('(') ? path : "/" + Regex.Replace(path, @"batch_\d{8}_\d{6}", "{id}");

    private static double Number(string value) => double.Parse(value, CultureInfo.InvariantCulture);
}
