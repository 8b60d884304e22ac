using Spool.Media.Processes;

namespace Spool.Core.Operations;

/// <summary>What the terminal view (or a test) hears while a batch runs. Calls may come from several threads.</summary>
public interface IBatchObserver
{
    void BatchStarted(string batchId, int totalInputs, int totalJobs);

    void WorkStarted(string input, IReadOnlyList<string> presets);

    /// <summary>The work item's encode progressed: its encode jobs (not its steps) are this far.</summary>
    void WorkProgress(string input, FfmpegProgress progress, double? percent);

    /// <summary>A step job of the work item (thumbnails, sprite, HLS, subtitles) is this far, 0 to 1.</summary>
    void StepProgress(string input, string step, double fraction)
    {
    }

    void JobFinished(JobResult job);

    /// <summary>Something a worker's operator should know that fails no job by itself: a refused fenced write, a faulted work item, a store error.</summary>
    void Warning(string message);
}

/// <summary>Hears nothing: for --quiet and for tests that only read the result.</summary>
public sealed class SilentObserver : IBatchObserver
{
    public void BatchStarted(string batchId, int totalInputs, int totalJobs)
    {
    }

    public void WorkStarted(string input, IReadOnlyList<string> presets)
    {
    }

    public void WorkProgress(string input, FfmpegProgress progress, double? percent)
    {
    }

    public void JobFinished(JobResult job)
    {
    }

    public void Warning(string message)
    {
    }
}
