using System.Text;
using Spool.Core.Operations;

namespace Spool.Core.Reporting;

/// <summary>Writes the summary/ files of a batch, each atomically: the three JSON files and report.html.</summary>
public static class BatchReportWriter
{
    public static string SummaryDirectory(string outputDirectory) => Path.Combine(outputDirectory, "summary");

    public static Task<string> WriteAsync(BatchResult batch, CancellationToken cancellationToken) =>
        WriteAsync(batch, new ReportExtras(), cancellationToken);

    /// <summary>As <see cref="WriteAsync(BatchResult, CancellationToken)"/>, with CPU times, peaks and thumbnails.</summary>
    public static async Task<string> WriteAsync(BatchResult batch, ReportExtras extras, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(extras);
        var summary = SummaryDirectory(batch.OutputDirectory);
        await ReportJson.WriteAtomicallyAsync(Path.Combine(summary, "batch_report.json"), BatchReportBuilder.Report(batch), cancellationToken);
        await ReportJson.WriteAtomicallyAsync(Path.Combine(summary, "error_log.json"), BatchReportBuilder.Errors(batch), cancellationToken);
        await ReportJson.WriteAtomicallyAsync(Path.Combine(summary, "processing_metrics.json"), BatchReportBuilder.Metrics(batch, extras), cancellationToken);
        await WriteTextAtomicallyAsync(Path.Combine(summary, "report.html"), HtmlReportWriter.Build(batch, extras), cancellationToken);
        return Path.Combine(summary, "batch_report.json");
    }

    private static async Task WriteTextAtomicallyAsync(string path, string text, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var partial = Path.Combine(folder, Path.GetFileNameWithoutExtension(path) + ".partial" + Path.GetExtension(path));
        await File.WriteAllTextAsync(partial, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
        File.Move(partial, path, overwrite: true);
    }
}
