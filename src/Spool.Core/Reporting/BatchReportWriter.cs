using Spool.Core.Operations;

namespace Spool.Core.Reporting;


/// <summary>Writes the summary/ files of a batch, each atomically.</summary>
public static class BatchReportWriter
{
    public static string SummaryDirectory(string outputDirectory) => Path.Combine(outputDirectory, "summary");

    public static async Task<string> WriteAsync(BatchResult batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var summary = SummaryDirectory(batch.OutputDirectory);
        await ReportJson.WriteAtomicallyAsync(Path.Combine(summary, "batch_report.json"), BatchReportBuilder.Report(batch), cancellationToken);
        await ReportJson.WriteAtomicallyAsync(Path.Combine(summary, "error_log.json"), BatchReportBuilder.Errors(batch), cancellationToken);
        await ReportJson.WriteAtomicallyAsync(Path.Combine(summary, "processing_metrics.json"), BatchReportBuilder.Metrics(batch), cancellationToken);
        return Path.Combine(summary, "batch_report.json");
    }
}
