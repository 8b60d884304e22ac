using System.Globalization;
using System.Text;
using Spool.Core.Operations;

namespace Spool.Core.Reporting;

/// <summary>The report's inline SVG charts: drawn from the job times, no script, no fonts, no network.</summary>
internal static class HtmlCharts
{
    private const int Width = 640;
    private const int Height = 220;
    private const int Left = 44;
    private const int Bottom = 28;
    private const int Top = 12;
    private const int Right = 16;

    private static readonly (JobStatus Status, string Color)[] StatusColors =
    [
        (JobStatus.Succeeded, "#2e7d32"), (JobStatus.Failed, "#c62828"), (JobStatus.Skipped, "#757575"), (JobStatus.Cancelled, "#ef6c00"),
    ];

    /// <summary>Cumulative finished jobs (all, and succeeded) against seconds since the batch started: the throughput.</summary>
    public static string Throughput(BatchResult batch)
    {
        var finished = batch.Jobs
            .Where(job => job.FinishedAt is not null)
            .Select(job => (Seconds: Math.Max(0, (job.FinishedAt!.Value - batch.StartedAt).TotalSeconds), job.Status))
            .OrderBy(point => point.Seconds)
            .ToList();
        var span = Math.Max(Math.Max(batch.WallSeconds, finished.Count > 0 ? finished[^1].Seconds : 0), 0.001);
        var count = Math.Max(batch.Jobs.Count, 1);
        double X(double seconds) => Left + (seconds / span * (Width - Left - Right));
        double Y(double n) => Height - Bottom - (n / count * (Height - Top - Bottom));

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"Jobs finished over time\">"));
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" class=\"axis\"/>"));
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" class=\"axis\"/>"));
        svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{Top + 4}\" text-anchor=\"end\">{count}</text>"));
        svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{Height - Bottom}\" text-anchor=\"end\">0</text>"));
        svg.Append(Invariant($"<text x=\"{Left}\" y=\"{Height - 8}\">0 s</text>"));
        svg.Append(Invariant($"<text x=\"{Width - Right}\" y=\"{Height - 8}\" text-anchor=\"end\">{span:0.#} s</text>"));
        svg.Append(Step(finished.Select(p => p.Seconds).ToList(), X, Y, "#1565c0", "all finished"));
        svg.Append(Step(finished.Where(p => p.Status == JobStatus.Succeeded).Select(p => p.Seconds).ToList(), X, Y, "#2e7d32", "succeeded"));
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>One horizontal bar split by status, with its legend.</summary>
    public static string StatusBar(BatchResult batch)
    {
        var total = Math.Max(batch.Jobs.Count, 1);
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg class=\"chart\" viewBox=\"0 0 {Width} 64\" role=\"img\" aria-label=\"Jobs by status\">"));
        double x = 0;
        foreach (var (status, color) in StatusColors)
        {
            var n = batch.Count(status);
            var w = (double)n / total * Width;
            if (n > 0)
            {
                svg.Append(Invariant($"<rect x=\"{x:0.##}\" y=\"0\" width=\"{w:0.##}\" height=\"28\" fill=\"{color}\"><title>{BatchReportBuilder.Status(status)}: {n}</title></rect>"));
            }

            x += w;
        }

        var legendX = 0;
        foreach (var (status, color) in StatusColors)
        {
            svg.Append(Invariant($"<rect x=\"{legendX}\" y=\"42\" width=\"12\" height=\"12\" fill=\"{color}\"/>"));
            svg.Append(Invariant($"<text x=\"{legendX + 16}\" y=\"53\">{BatchReportBuilder.Status(status)} {batch.Count(status)}</text>"));
            legendX += 150;
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Step(IReadOnlyList<double> times, Func<double, double> x, Func<double, double> y, string color, string label)
    {
        var points = new StringBuilder(Invariant($"{x(0):0.##},{y(0):0.##}"));
        for (var i = 0; i < times.Count; i++)
        {
            points.Append(Invariant($" {x(times[i]):0.##},{y(i):0.##} {x(times[i]):0.##},{y(i + 1):0.##}"));
        }

        return Invariant($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{points}\"><title>{label}: {times.Count}</title></polyline>");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
