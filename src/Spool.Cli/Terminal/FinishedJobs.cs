using Spool.Core.Operations;

namespace Spool.Cli.Terminal;

/// <summary>
/// The "done of total" both views show. A job counts once however often it ends (a transient failure, then its
/// retry), and the total grows to cover jobs this run finished without counting them at the start (a job taken over
/// from a worker that died meanwhile, one queued again after the count): the counter never reads [2/1] or [1/0].
/// </summary>
internal sealed class FinishedJobs
{
    private readonly Lock _gate = new();
    private readonly HashSet<(string Input, string Job)> _done = [];
    private int _total;

    public void Start(int total)
    {
        lock (_gate)
        {
            _total = Math.Max(total, _done.Count);
        }
    }

    public (int Done, int Total) Add(JobResult job)
    {
        lock (_gate)
        {
            _done.Add((job.Input, job.Preset));
            _total = Math.Max(_total, _done.Count);
            return (_done.Count, _total);
        }
    }
}
