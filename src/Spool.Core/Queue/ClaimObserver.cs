using Spool.Core.Operations;
using Spool.Media.Processes;

namespace Spool.Core.Queue;

/// <summary>Passes a claim's events on, and hands each job's progress to the lease keeper so heartbeats carry it.</summary>
internal sealed class ClaimObserver(IBatchObserver inner, LeaseKeeper keeper) : IBatchObserver
{
    public void BatchStarted(string batchId, int totalInputs, int totalJobs) => inner.BatchStarted(batchId, totalInputs, totalJobs);

    public void WorkStarted(string input, IReadOnlyList<string> presets) => inner.WorkStarted(input, presets);

    public void WorkProgress(string input, FfmpegProgress progress, double? percent)
    {
        keeper.Report(new JobProgressRecord(percent is { } p ? Math.Round(p, 1) : null, Math.Round(progress.Fps, 1), progress.Speed));
        inner.WorkProgress(input, progress, percent);
    }

    public void StepProgress(string input, string step, double fraction)
    {
        keeper.Report(step, new JobProgressRecord(Math.Round(Math.Clamp(fraction, 0, 1) * 100, 1), null, null));
        inner.StepProgress(input, step, fraction);
    }

    public void JobFinished(JobResult job) => inner.JobFinished(job);

    public void Warning(string message) => inner.Warning(message);
}
