using System.Diagnostics;
using System.Globalization;
using Spool.EndToEnd.Tests.Infrastructure;

namespace Spool.Bench.ApiLatency;

/// <summary>
/// The dashboard in headless chromium (the end-to-end tests' driver): how long a load takes until the batch list and
/// the first page of jobs are drawn, and how quickly the live page's main thread answers while events stream in.
/// </summary>
public static class PageProbe
{
    private const int Loads = 10;
    private const int Pings = 200;

    public static async Task<IReadOnlyList<LatencyRun>> MeasureAsync(Uri server, string token, int rows, string profile)
    {
        var url = new Uri(server, "/?token=" + Uri.EscapeDataString(token)).ToString();

        // A fresh browser for each load (a first visit, nothing cached): in one browser, pages left behind in the
        // back/forward cache keep their event streams open, and the seventh load waits for a free connection.
        var loads = new List<double>();
        for (var i = 0; i <= Loads; i++)
        {
            await using var browser = await HeadlessChromium.StartAsync(string.Create(CultureInfo.InvariantCulture, $"{profile}-{i}"));
            var milliseconds = await LoadAsync(browser, url, rows);
            if (i > 0)
            {
                loads.Add(milliseconds);
            }
        }

        await using var live = await HeadlessChromium.StartAsync(profile + "-live");
        await LoadAsync(live, url, rows);
        return [new LatencyRun("(page) load until list and job rows drawn", 1, loads, 0), new LatencyRun("(page) main thread round trip, live", 1, await PingAsync(live), 0)];
    }

    private static async Task<double> LoadAsync(HeadlessChromium browser, string url, int rows)
    {
        var ready = string.Create(CultureInfo.InvariantCulture,
            $"document.querySelector('#batches [data-batch-id]') !== null && document.querySelectorAll('#jobs [data-state]').length >= {rows}");
        var clock = Stopwatch.StartNew();
        await browser.NavigateAsync(url);
        while (await browser.EvaluateAsync(ready) is not { } done || !done.GetValue<bool>())
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(1))
            {
                throw new InvalidOperationException($"The page did not draw the batch list and {rows} job rows within a minute:\n{await browser.TextAsync()}");
            }

            await Task.Delay(5);
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>Round trips to the live page's main thread while events stream in: does the page stay responsive?</summary>
    private static async Task<List<double>> PingAsync(HeadlessChromium browser)
    {
        var pings = new List<double>();
        for (var i = 0; i < Pings; i++)
        {
            var clock = Stopwatch.StartNew();
            await browser.EvaluateAsync("1");
            pings.Add(clock.Elapsed.TotalMilliseconds);
            await Task.Delay(25);
        }

        return pings;
    }
}
