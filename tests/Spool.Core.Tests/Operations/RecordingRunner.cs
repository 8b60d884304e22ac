using Spool.Media.Processes;

namespace Spool.Core.Tests.Operations;

/// <summary>Passes every request on to a real runner and keeps it.</summary>
internal sealed class RecordingRunner(IProcessRunner inner) : IProcessRunner
{
    private readonly Lock _gate = new();
    private readonly List<ProcessRequest> _requests = [];

    public IReadOnlyList<ProcessRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public Task<ProcessResult> RunAsync(ProcessRequest request, IProgress<FfmpegProgress>? progress, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }

        return inner.RunAsync(request, progress, cancellationToken);
    }
}
