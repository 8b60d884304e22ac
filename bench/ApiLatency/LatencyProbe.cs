using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace Spool.Bench.ApiLatency;

/// <summary>One path's latencies in one mode (sequential, or several clients at once), in milliseconds.</summary>
public sealed record LatencyRun(string Path, int Clients, IReadOnlyList<double> Milliseconds, long Bytes)
{
    public double Percentile(double p)
    {
        var sorted = Milliseconds.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static readonly int[] Reported = [50, 95, 99, 100];

    public string ToTsv(string label) => string.Join('\t', [
        label, Path, Clients.ToString(CultureInfo.InvariantCulture), Milliseconds.Count.ToString(CultureInfo.InvariantCulture),
        .. Reported.Select(p => Percentile(p).ToString("0.000", CultureInfo.InvariantCulture)),
        Bytes.ToString(CultureInfo.InvariantCulture),
    ]);
}

/// <summary>
/// Times GETs with one keep-alive HttpClient, the whole answer read: each path warmed up, then <c>requests</c> in a
/// row, then the same number shared by four clients at once (each request timed on its own).
/// </summary>
public static class LatencyProbe
{
    private const int WarmUp = 50;
    private const int Clients = 4;

    public static async Task<IReadOnlyList<LatencyRun>> MeasureAsync(Uri server, string token, IReadOnlyList<string> paths, int requests, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var runs = new List<LatencyRun>();
        foreach (var path in paths)
        {
            var uri = new Uri(path, UriKind.Relative);
            long bytes = 0;
            for (var i = 0; i < WarmUp; i++)
            {
                (_, bytes) = await TimeAsync(client, uri, ct);
            }

            var sequential = new List<double>(requests);
            for (var i = 0; i < requests; i++)
            {
                sequential.Add((await TimeAsync(client, uri, ct)).Milliseconds);
            }

            runs.Add(new LatencyRun(path, 1, sequential, bytes));
            var shared = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
            {
                var mine = new List<double>(requests / Clients);
                for (var i = 0; i < requests / Clients; i++)
                {
                    mine.Add((await TimeAsync(client, uri, ct)).Milliseconds);
                }

                return mine;
            }));
            runs.Add(new LatencyRun(path, Clients, shared.SelectMany(list => list).ToList(), bytes));
        }

        return runs;
    }

    private static async Task<(double Milliseconds, long Bytes)> TimeAsync(HttpClient client, Uri uri, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseContentRead, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        return response.IsSuccessStatusCode
            ? (elapsed, body.LongLength)
            : throw new InvalidOperationException($"GET {uri} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
    }
}
