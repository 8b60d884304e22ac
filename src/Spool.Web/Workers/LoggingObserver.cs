using Spool.Core.Operations;
using Spool.Media.Processes;

namespace Spool.Web.Workers;

/// <summary>The server's workers have no terminal view: their warnings (refused fenced writes, faulted work items) go to the server's log.</summary>
internal sealed class LoggingObserver(TextWriter errors) : IBatchObserver
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
        lock (errors)
        {
            errors.WriteLine("spool serve: warning: " + message);
        }
    }
}
