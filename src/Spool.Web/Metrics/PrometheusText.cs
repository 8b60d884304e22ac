using System.Globalization;
using System.Text;
using Spool.Core.Queue;

namespace Spool.Web.Metrics;

/// <summary>What /metrics reports, read from the store at scrape time.</summary>
internal sealed record MetricsSnapshot(
    IReadOnlyDictionary<string, int> JobsByState,
    IReadOnlyDictionary<string, int> BatchesByState,
    IReadOnlyList<FinishedJob> Finished,
    int QueueDepth,
    double WorkerUtilization);

/// <summary>Renders metrics in Prometheus' text format 0.0.4: pure, so the exact lines are tested.</summary>
internal static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Seconds: a short clip's draft encode up to a long archival one.</summary>
    public static IReadOnlyList<double> DurationBuckets { get; } = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600];

    public static string Render(MetricsSnapshot metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var text = new StringBuilder();
        Family(text, "spool_jobs", "gauge", "Jobs in the store by state.");
        foreach (var (state, count) in metrics.JobsByState.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Line(text, $"spool_jobs{{state=\"{state}\"}}", count);
        }

        Family(text, "spool_batches", "gauge", "Batches in the store by state, as spool status shows them.");
        foreach (var (state, count) in metrics.BatchesByState.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Line(text, $"spool_batches{{state=\"{state}\"}}", count);
        }

        Family(text, "spool_queue_depth", "gauge", "Queued jobs waiting for a worker.");
        Line(text, "spool_queue_depth", metrics.QueueDepth);
        Family(text, "spool_worker_utilization", "gauge", "Work items this server's workers run, out of their capacity (0 without workers).");
        Line(text, "spool_worker_utilization", metrics.WorkerUtilization);

        var durations = metrics.Finished.Select(job => job.Seconds).OfType<double>().ToList();
        Family(text, "spool_job_duration_seconds", "histogram", "Wall time of finished jobs' last attempt.");
        foreach (var bound in DurationBuckets)
        {
            Line(text, $"spool_job_duration_seconds_bucket{{le=\"{Number(bound)}\"}}", durations.Count(seconds => seconds <= bound));
        }

        Line(text, "spool_job_duration_seconds_bucket{le=\"+Inf\"}", durations.Count);
        Line(text, "spool_job_duration_seconds_sum", durations.Sum());
        Line(text, "spool_job_duration_seconds_count", durations.Count);

        Family(text, "spool_bytes_in_total", "counter", "Bytes of the inputs of finished jobs.");
        Line(text, "spool_bytes_in_total", metrics.Finished.Sum(job => job.InputBytes ?? 0));
        Family(text, "spool_bytes_out_total", "counter", "Bytes of the outputs finished jobs wrote.");
        Line(text, "spool_bytes_out_total", metrics.Finished.Sum(job => job.OutputBytes ?? 0));
        return text.ToString();
    }

    private static void Family(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Line(StringBuilder text, string series, double value) =>
        text.Append(series).Append(' ').Append(Number(value)).Append('\n');

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
