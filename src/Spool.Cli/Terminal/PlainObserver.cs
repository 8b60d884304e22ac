using System.Globalization;
using Spool.Core.Operations;
using Spool.Media.Errors;
using Spool.Media.Processes;

namespace Spool.Cli.Terminal;

/// <summary>Without a terminal: one plain line when a work item starts and one when each job ends.</summary>
internal sealed class PlainObserver(TextWriter output) : IBatchObserver
{
    private readonly Lock _gate = new();
    private readonly FinishedJobs _finished = new();

    public void BatchStarted(string batchId, int totalInputs, int totalJobs)
    {
        _finished.Start(totalJobs);
        Write($"batch {batchId}: {totalInputs} inputs, {totalJobs} jobs");
    }

    public void WorkStarted(string input, IReadOnlyList<string> presets) =>
        Write($"start {input} -> {string.Join(", ", presets)}");

    public void WorkProgress(string input, FfmpegProgress progress, double? percent)
    {
    }

    public void JobFinished(JobResult job)
    {
        var (done, total) = _finished.Add(job);
        var status = job.Status.ToString().ToLowerInvariant();
        var detail = job.Error is { } error ? $": {error.Category.ToWireName()}: {error.Message}" : job.Output is { } path ? $" -> {path}" : "";
        Write($"[{done}/{total}] {status} {job.Input} ({job.Preset}){detail}");
    }

    public void Warning(string message) => Write("warning: " + message);

    private void Write(string line)
    {
        lock (_gate)
        {
            output.WriteLine(line.ToString(CultureInfo.InvariantCulture));
        }
    }
}
