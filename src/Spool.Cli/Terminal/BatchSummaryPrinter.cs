using System.Globalization;
using Spool.Core.Operations;
using Spool.Media.Errors;

namespace Spool.Cli.Terminal;

/// <summary>The few lines a finished batch leaves on the terminal: counts, failures with hints, warnings, where the report is.</summary>
internal static class BatchSummaryPrinter
{
    public static void Print(BatchResult result, string reportPath, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c,
            $"Batch {result.BatchId}: {result.Count(JobStatus.Succeeded)} succeeded, {result.Count(JobStatus.Failed)} failed, {result.Count(JobStatus.Skipped)} skipped, {result.Count(JobStatus.Cancelled)} cancelled in {result.WallSeconds:0.0} s"));
        foreach (var job in result.Jobs.Where(job => job.Status == JobStatus.Failed && job.Error is not null))
        {
            output.WriteLine($"  failed {job.Input} ({job.Preset}): {job.Error!.Category.ToWireName()}: {job.Error.Message}");
            output.WriteLine($"         hint: {job.Error.Hint}");
        }

        // One line per source, however many presets met the same damage.
        var warned = result.Jobs
            .SelectMany(job => job.Warnings.Select(warning => (job.Input, Warning: warning)))
            .DistinctBy(pair => (pair.Input, pair.Warning.Code));
        foreach (var (input, warning) in warned)
        {
            output.WriteLine($"  warning {input}: {warning.Code}: {warning.Message}");
        }

        if (!File.Exists(reportPath))
        {
            // An --output that cannot be written holds no report either: say so rather than point at nothing.
            output.WriteLine($"No report: {reportPath} was not written (see the warning above); once the cause is fixed: spool report --job-id {result.BatchId}");
            return;
        }

        output.WriteLine($"Report: {reportPath}");
        var html = Path.Combine(Path.GetDirectoryName(reportPath)!, "report.html");
        if (File.Exists(html))
        {
            output.WriteLine($"HTML report: {html}");
        }
    }
}
