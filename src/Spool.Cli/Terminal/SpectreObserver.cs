using System.Collections.Concurrent;
using System.Globalization;
using Spectre.Console;
using Spool.Core.Operations;
using Spool.Media.Processes;

namespace Spool.Cli.Terminal;

/// <summary>
/// With a terminal: an overall bar (done/total, ETA) and one line per running work item (file, presets, %, fps, speed).
/// The overall bar moves with the running encodes too, not only when a job ends: finished jobs plus each running
/// item's fraction of its unfinished jobs.
/// </summary>
internal sealed class SpectreObserver(ProgressContext context) : IBatchObserver
{
    private readonly ConcurrentDictionary<string, RunningItem> _running = new(StringComparer.Ordinal);
    private readonly FinishedJobs _finished = new();
    private readonly Lock _gate = new();
    private ProgressTask? _overall;
    private int _done;
    private int _succeeded;
    private int _failed;

    public void BatchStarted(string batchId, int totalInputs, int totalJobs)
    {
        _finished.Start(totalJobs);
        _overall = context.AddTask(Markup.Escape($"{batchId}: {totalJobs} jobs"), maxValue: Math.Max(1, totalJobs));
    }

    public void WorkStarted(string input, IReadOnlyList<string> presets)
    {
        var label = $"{Path.GetFileName(input)} [{string.Join(",", presets)}]";
        var task = context.AddTask(Markup.Escape(label), maxValue: 100);
        _running[input] = new RunningItem(task, label, presets.Count);
    }

    public void WorkProgress(string input, FfmpegProgress progress, double? percent)
    {
        if (!_running.TryGetValue(input, out var item))
        {
            return;
        }

        if (percent is { } value)
        {
            item.Task.Value = value;
        }

        var speed = progress.Speed is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) + "x" : "-";
        item.Task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{item.Label} {progress.Fps:0} fps {speed}"));
        UpdateOverall(null);
    }

    public void JobFinished(JobResult job)
    {
        var (done, total) = _finished.Add(job);
        if (job.Status == JobStatus.Succeeded)
        {
            Interlocked.Increment(ref _succeeded);
        }
        else
        {
            Interlocked.Increment(ref _failed);
        }

        if (_running.TryGetValue(job.Input, out var item) && Interlocked.Decrement(ref item.Remaining) == 0)
        {
            item.Task.Value = item.Task.MaxValue;
            item.Task.StopTask();
            _running.TryRemove(job.Input, out _);
        }

        UpdateOverall((done, total));
    }

    // Stderr, not the live display: a warning must survive the progress view redrawing over it.
    public void Warning(string message) => Console.Error.WriteLine("warning: " + message);

    private void UpdateOverall((int Done, int Total)? finished)
    {
        if (_overall is not { } overall)
        {
            return;
        }

        lock (_gate)
        {
            if (finished is { } counts)
            {
                _done = counts.Done;
                overall.MaxValue = Math.Max(1, counts.Total);
                overall.Description = Markup.Escape($"done {counts.Done}/{counts.Total}, {_succeeded} succeeded, {_failed} failed or cancelled");
            }

            var running = _running.Values.Sum(item => item.Task.Value / 100 * Math.Max(0, item.Remaining));
            overall.Value = Math.Min(overall.MaxValue, _done + running);
        }
    }

    private sealed class RunningItem(ProgressTask task, string label, int jobs)
    {
        public int Remaining = jobs;

        public ProgressTask Task { get; } = task;

        public string Label { get; } = label;
    }
}
