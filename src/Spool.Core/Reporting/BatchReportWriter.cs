using Spool.Core.Operations;
using Spool.Core.Placement;
using Spool.Media.Errors;

namespace Spool.Core.Reporting;

/// <summary>Writes the summary/ files of a batch, each atomically and flushed to disk: the three JSON files and report.html.</summary>
public static class BatchReportWriter
{
    public static string SummaryDirectory(string outputDirectory) => Path.Combine(outputDirectory, "summary");

    public static Task<string> WriteAsync(BatchResult batch, CancellationToken cancellationToken) =>
        WriteAsync(batch, new ReportExtras(), cancellationToken);

    /// <summary>
    /// As <see cref="WriteAsync(BatchResult, CancellationToken)"/>, with CPU times, peaks and thumbnails. A file that
    /// cannot be written (a full disk) throws <see cref="IOException"/> naming it; no partial file is left behind.
    /// </summary>
    public static async Task<string> WriteAsync(BatchResult batch, ReportExtras extras, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(extras);
        var summary = SummaryDirectory(batch.OutputDirectory);
        var placer = FilePlacer.Unfenced;
        Check(await ReportJson.WriteAtomicallyAsync(Path.Combine(summary, "batch_report.json"), BatchReportBuilder.Report(batch), placer, cancellationToken), "batch_report.json");
        Check(await ReportJson.WriteAtomicallyAsync(Path.Combine(summary, "error_log.json"), BatchReportBuilder.Errors(batch), placer, cancellationToken), "error_log.json");
        Check(await ReportJson.WriteAtomicallyAsync(Path.Combine(summary, "processing_metrics.json"), BatchReportBuilder.Metrics(batch, extras), placer, cancellationToken), "processing_metrics.json");
        Check(await placer.WriteTextAsync(Path.Combine(summary, "report.html"), HtmlReportWriter.Build(batch, extras), cancellationToken), "report.html");
        return Path.Combine(summary, "batch_report.json");
    }

    private static void Check(Placed placed, string file)
    {
        if (placed.Error is { } error)
        {
            throw new IOException($"summary/{file} could not be written ({error.Category.ToWireName()}): {error.Message}");
        }
    }
}
