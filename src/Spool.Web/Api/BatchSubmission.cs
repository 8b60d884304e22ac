using Spool.Core.Chunking;
using Spool.Core.Operations;
using Spool.Core.Queue;
using Spool.Core.Storage;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Web.Api;

/// <summary>
/// Stores a checked submission under a new batch id. The store takes the next free suffix when another submission
/// (a post, or a CLI submit in another process) got the same second's id first.
/// </summary>
internal sealed class BatchSubmission(IJobStore store, IProcessRunner runner, MediaTools tools, TimeProvider clock)
{
    public async Task<string> SubmitAsync(ValidSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return await new BatchSubmitter(store, new Prober(runner, tools.Ffprobe), new ChunkJobPlanner(new VideoPackets(runner, tools.Ffprobe))).SubmitAsync(
            BatchIds.New(clock.GetUtcNow()), submission.Inputs, submission.Settings, submission.Priority, submission.RetryCount, cancellationToken);
    }
}
