using System.Globalization;
using System.Text.RegularExpressions;
using Spool.Cli.Terminal;
using Spool.Core.Operations;
using Spool.Media.Errors;

namespace Spool.Cli.Tests.Terminal;

/// <summary>Issue 11: the "[done/total]" counter of plain output never reads more done than its total ([2/1], [1/0]).</summary>
public sealed partial class PlainObserverTests
{
    [Fact]
    public void A_resumed_batch_counts_each_job_once_and_never_past_its_total()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        var observer = new PlainObserver(output);

        // Resumed: of two jobs, one succeeded before; the total is the one job the store still holds unfinished.
        observer.BatchStarted("batch_20261203_101010", 2, 1);
        observer.JobFinished(Job("b.mp4", JobStatus.Failed, MediaError.Of(ErrorCategory.FfmpegFailed, "ffmpeg exited 1.")));
        observer.JobFinished(Job("b.mp4", JobStatus.Succeeded, null)); // its retry
        observer.JobFinished(Job("c.mp4", JobStatus.Succeeded, null)); // taken over from a worker that died meanwhile

        var counters = Counter().Matches(output.ToString()).Select(m => (Done: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Total: int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        Assert.Equal([(1, 1), (1, 1), (2, 2)], counters);
    }

    [Fact]
    public void A_batch_started_with_nothing_unfinished_never_reads_one_of_zero()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        var observer = new PlainObserver(output);

        observer.BatchStarted("batch_20261203_101010", 1, 0);
        observer.JobFinished(Job("a.mp4", JobStatus.Succeeded, null));

        Assert.Contains("[1/1] succeeded a.mp4 (web_optimized)", output.ToString(), StringComparison.Ordinal);
    }

    private static JobResult Job(string input, JobStatus status, MediaError? error) =>
        new(input, "web_optimized", status, null, 1, null, null, error, null);

    [GeneratedRegex(@"^\[(\d+)/(\d+)\]", RegexOptions.Multiline)]
    private static partial Regex Counter();
}
