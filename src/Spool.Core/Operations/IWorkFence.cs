using Spool.Core.Placement;

namespace Spool.Core.Operations;

/// <summary>
/// What a work item's jobs answer to while they run: per job, the placer that names its partial files after the job's
/// lease and checks that lease before each rename; and the commit that records a job as succeeded the moment its
/// output is placed, so that an interruption or a cancel afterwards only affects the jobs that are still unfinished.
/// </summary>
public interface IWorkFence
{
    FilePlacer PlacerFor(string jobName);

    /// <summary>
    /// Records a succeeded job now (a fenced write), and what it made (<see cref="JobResult.Made"/>) for later runs to
    /// skip; a refusal is logged, never thrown.
    /// </summary>
    Task CommitAsync(JobResult result);

    /// <summary>The store's record of the output made for this input and preset at this path; null when there is none.</summary>
    Task<Queue.DoneOutput?> FindDoneOutputAsync(string inputPath, string preset, string outputPath, CancellationToken cancellationToken);

    /// <summary>
    /// Removes what earlier holders of these jobs left under <paramref name="inputFolder"/> (a worker killed mid-encode):
    /// partials carrying one of these jobs' ids with a lower lease token. Their holders lost the lease, so they can never
    /// place them; the current holder's files, and other jobs' files, are never touched.
    /// </summary>
    void RemoveStalePartials(string inputFolder);
}

/// <summary>Outside the queue: files are placed unfenced and nothing is recorded early.</summary>
public sealed class NoWorkFence : IWorkFence
{
    public FilePlacer PlacerFor(string jobName) => FilePlacer.Unfenced;

    public Task CommitAsync(JobResult result) => Task.CompletedTask;

    public Task<Queue.DoneOutput?> FindDoneOutputAsync(string inputPath, string preset, string outputPath, CancellationToken cancellationToken) =>
        Task.FromResult<Queue.DoneOutput?>(null);

    public void RemoveStalePartials(string inputFolder)
    {
    }
}
