using Spool.Core.Operations;
using Spool.Core.Queue;
using Spool.Core.Storage;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Web.Api;

/// <summary>
/// Stores a checked submission under a new batch id. Submissions go one at a time: two posts in the same second
/// would otherwise both find <c>batch_YYYYMMDD_HHMMSS</c> free and collide when the second is stored.
/// </summary>
internal sealed class BatchSubmission(IJobStore store, IProcessRunner runner, MediaTools tools, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task<string> SubmitAsync(ValidSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var taken = new HashSet<string>(StringComparer.Ordinal);
            var now = clock.GetUtcNow();
            var id = BatchIds.New(now, taken.Contains);
            while (await store.BatchExistsAsync(id, cancellationToken))
            {
                taken.Add(id);
                id = BatchIds.New(now, taken.Contains);
            }

            await new BatchSubmitter(store, new Prober(runner, tools.Ffprobe)).SubmitAsync(
                id, submission.Inputs, submission.Settings, submission.Priority, submission.RetryCount, cancellationToken);
            return id;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();
}
