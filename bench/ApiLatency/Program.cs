using System.Globalization;
using Spool.Bench.ApiLatency;

// bench/api.sh's helper:
//   seed HOME SHAPE            a store at HOME/spool.db shaped "one" (1 batch x 10,000 jobs), "many" (100 x 100) or
//                              "baseline" (1 batch x 10 jobs); prints the id of the batch the detail routes ask for
//   measure URL TOKEN OUT LABEL REQUESTS PATH...   latencies of each path, sequential and 4 clients, appended to OUT (TSV)
//   page URL TOKEN OUT LABEL ROWS PROFILE   the dashboard in headless chromium: load until ROWS job rows are drawn,
//                              and the live page's main-thread round trip, appended to OUT
//   report OUT                 the table of OUT with each loaded store's p99 over the baseline's
var ct = CancellationToken.None;
switch (args)
{
    case ["seed", var home, var shape]:
        Console.WriteLine(await StoreSeeder.SeedAsync(home, StoreShape.Named(shape), ct));
        return 0;
    case ["measure", var url, var token, var output, var label, var requests, .. var paths]:
        var runs = await LatencyProbe.MeasureAsync(new Uri(url), token, paths, int.Parse(requests, CultureInfo.InvariantCulture), ct);
        await File.AppendAllLinesAsync(output, runs.Select(run => run.ToTsv(label)), ct);
        return 0;
    case ["page", var url, var token, var output, var label, var rows, var profile]:
        var page = await PageProbe.MeasureAsync(new Uri(url), token, int.Parse(rows, CultureInfo.InvariantCulture), profile);
        await File.AppendAllLinesAsync(output, page.Select(run => run.ToTsv(label)), ct);
        return 0;
    case ["report", var output]:
        Console.Write(LatencyReport.Render(await File.ReadAllLinesAsync(output, ct)));
        return 0;
    default:
        await Console.Error.WriteLineAsync("usage: ApiLatency seed HOME one|many|baseline | measure URL TOKEN OUT LABEL REQUESTS PATH... | page URL TOKEN OUT LABEL ROWS PROFILE | report OUT");
        return 2;
}
