using System.Globalization;
using System.Text;
using Spool.Core.Operations;

namespace Spool.Core.Reporting;

/// <summary>
/// Builds summary/report.html: one self-contained page (inline CSS, inline SVG, thumbnails as data URIs; no script,
/// no font, no link to anything remote). Pure: the thumbnails come in as bytes, writing is <see cref="BatchReportWriter"/>'s.
/// </summary>
public static class HtmlReportWriter
{
    private const string Css = """
        body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#212121;background:#fafafa}
        h1{font-size:22px}h2{font-size:17px;margin-top:28px}
        .totals{display:flex;flex-wrap:wrap;gap:12px}.totals div{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 14px}
        .totals b{display:block;font-size:20px}
        table{border-collapse:collapse;background:#fff;width:100%}th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
        th{background:#eee}.num{text-align:right;font-variant-numeric:tabular-nums}
        .ok,.succeeded{color:#2e7d32}.bad,.failed{color:#c62828}.skipped,.muted{color:#757575}.cancelled{color:#ef6c00}
        .small{font-size:12px}.qc{font-size:12px}.chart{max-width:680px;width:100%;height:auto;background:#fff;border:1px solid #ddd}
        .chart text{font-size:11px;fill:#555}.chart .axis{stroke:#999}
        img.thumb{width:160px;height:auto;display:block}.group{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 14px;margin:8px 0}
        """;

    public static string Build(BatchResult batch, ReportExtras extras)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(extras);
        var metrics = BatchReportBuilder.Metrics(batch, extras);
        var errors = BatchReportBuilder.Errors(batch);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>Spool report ").Append(Html.Text(batch.BatchId)).Append("</title><style>").Append(Css).Append("</style></head><body>\n");
        html.Append("<h1>Spool batch ").Append(Html.Text(batch.BatchId)).Append("</h1>\n");
        html.Append("<p class=\"muted\">").Append(Html.Text(Time(batch.StartedAt))).Append(" → ").Append(Html.Text(Time(batch.FinishedAt)))
            .Append(batch.Interrupted ? " · interrupted" : "").Append("</p>\n");
        Totals(html, batch, metrics);
        html.Append("<h2>Throughput</h2>\n").Append(HtmlCharts.Throughput(batch)).Append('\n');
        html.Append("<h2>Jobs by status</h2>\n").Append(HtmlCharts.StatusBar(batch)).Append('\n');
        Jobs(html, batch, extras);
        Errors(html, errors);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Totals(StringBuilder html, BatchResult batch, ProcessingMetrics m)
    {
        html.Append("<div class=\"totals\">");
        Total(html, "inputs", Number(batch.TotalInputs));
        Total(html, "jobs", Number(batch.Jobs.Count));
        Total(html, "succeeded", Number(batch.Count(JobStatus.Succeeded)));
        Total(html, "failed", Number(batch.Count(JobStatus.Failed)));
        Total(html, "skipped", Number(batch.Count(JobStatus.Skipped)));
        Total(html, "cancelled", Number(batch.Count(JobStatus.Cancelled)));
        Total(html, "wall time", Invariant($"{m.WallSeconds:0.#} s"));
        Total(html, "CPU time", m.CpuSeconds is { } cpu ? Invariant($"{cpu:0.#} s") : "—");
        Total(html, "files / hour", Invariant($"{m.FilesPerHour:0.#}"));
        Total(html, "output min / hour", Invariant($"{m.OutputMinutesPerHour:0.#}"));
        Total(html, "realtime factor", m.RealtimeFactor is { } rt ? Invariant($"{rt:0.##}×") : "—");
        Total(html, "compression", m.CompressionRatio is { } ratio ? Invariant($"{ratio:0.###}") : "—");
        Total(html, "space saved", Bytes(m.SpaceSavedBytes));
        html.Append("</div>\n");
    }

    private static void Total(StringBuilder html, string label, string value) =>
        html.Append("<div><b>").Append(Html.Text(value)).Append("</b>").Append(Html.Text(label)).Append("</div>");

    private static void Jobs(StringBuilder html, BatchResult batch, ReportExtras extras)
    {
        var summary = BatchReportWriter.SummaryDirectory(batch.OutputDirectory);
        html.Append("<h2>Jobs</h2>\n<table><thead><tr><th>thumbnail</th><th>input</th><th>preset</th><th>status</th>")
            .Append("<th>attempts</th><th>seconds</th><th>QC</th><th>output</th></tr></thead><tbody>\n");
        foreach (var job in batch.Jobs)
        {
            html.Append("<tr><td>");
            if (extras.Thumbnails.TryGetValue(new JobKey(job.Input, job.Preset), out var jpeg) && jpeg.Length > 0)
            {
                html.Append("<img class=\"thumb\" alt=\"\" src=\"data:image/jpeg;base64,").Append(Convert.ToBase64String(jpeg)).Append("\">");
            }

            var status = BatchReportBuilder.Status(job.Status);
            html.Append("</td><td title=\"").Append(Html.Text(job.Input)).Append("\">").Append(Html.Text(Path.GetFileName(job.Input)))
                .Append("<div class=\"muted small\">").Append(Html.Text(Path.GetDirectoryName(job.Input))).Append("</div>");
            if (job.Error is { } error)
            {
                html.Append("<div class=\"bad small\">").Append(Html.Text(error.Message)).Append("</div>");
            }

            html.Append("</td><td>").Append(Html.Text(job.Preset)).Append(Operations(job))
                .Append("</td><td class=\"").Append(status).Append("\">").Append(status)
                .Append("</td><td class=\"num\">").Append(Number(job.Attempts))
                .Append("</td><td class=\"num\">").Append(Seconds(job))
                .Append("</td><td>").Append(HtmlQc.Cell(job.Qc))
                .Append("</td><td>");
            if (job.Output is { } output && job.Status == JobStatus.Succeeded)
            {
                html.Append("<a href=\"").Append(Html.RelativeHref(summary, output)).Append("\">").Append(Html.Text(Path.GetFileName(output))).Append("</a>");
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    // The media operations behind a job (analysis passes, steps) with their timings, under its preset or step name.
    private static string Operations(JobResult job) => job.Operations.Count == 0
        ? ""
        : "<div class=\"muted small\">" + string.Join(", ", job.Operations.Select(op =>
            Html.Text(op.Name) + " " + op.Seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s")) + "</div>";

    private static void Errors(StringBuilder html, ErrorLog log)
    {
        html.Append("<h2>Errors</h2>\n");
        if (log.Groups.Count == 0)
        {
            html.Append("<p class=\"ok\">No failures.</p>\n");
            return;
        }

        foreach (var group in log.Groups)
        {
            html.Append("<div class=\"group\"><b class=\"bad\">").Append(Html.Text(group.Category)).Append("</b> · ")
                .Append(Number(group.Count)).Append(group.Count == 1 ? " job" : " jobs")
                .Append("<p>").Append(Html.Text(group.Hint)).Append("</p>");
            if (group.Note is { } note)
            {
                html.Append("<p>").Append(Html.Text(note)).Append("</p>");
            }

            html.Append("<ul>");
            foreach (var input in group.Inputs)
            {
                var message = log.Errors.FirstOrDefault(e => e.Category == group.Category && e.Input == input)?.Message;
                html.Append("<li>").Append(Html.Text(input));
                if (message is not null)
                {
                    html.Append(" — <span class=\"small\">").Append(Html.Text(message)).Append("</span>");
                }

                html.Append("</li>");
            }

            html.Append("</ul></div>\n");
        }
    }

    private static string Seconds(JobResult job) =>
        job.StartedAt is { } start && job.FinishedAt is { } end ? Invariant($"{(end - start).TotalSeconds:0.0}") : "";

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Bytes(long bytes)
    {
        var abs = Math.Abs((double)bytes);
        var text = abs >= 1 << 30 ? Invariant($"{abs / (1 << 30):0.##} GiB")
            : abs >= 1 << 20 ? Invariant($"{abs / (1 << 20):0.##} MiB")
            : abs >= 1 << 10 ? Invariant($"{abs / (1 << 10):0.##} KiB")
            : Invariant($"{abs:0} B");
        return bytes < 0 ? "−" + text : text;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
