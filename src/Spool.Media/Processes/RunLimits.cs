namespace Spool.Media.Processes;

/// <summary>
/// The limits every ffmpeg of a job runs under (--timeout, --stall-timeout): the encode, its analysis passes, QC, and
/// the steps alike, so a user's limit is never quietly replaced by a fixed one somewhere inside.
/// </summary>
/// <param name="Timeout">Whole-run limit of each process; null for none.</param>
/// <param name="StallTimeout">How long a process may make no progress (see <see cref="ProcessRequest.StallTimeout"/>).</param>
public sealed record RunLimits(TimeSpan? Timeout, TimeSpan StallTimeout)
{
    /// <summary>--stall-timeout's default: two minutes without progress is a hung ffmpeg, not a slow one.</summary>
    public static readonly TimeSpan DefaultStallTimeout = TimeSpan.FromSeconds(120);

    public static RunLimits Default { get; } = new(null, DefaultStallTimeout);

    /// <summary>
    /// The request under these limits. A tighter time limit the request carries itself (ffprobe's) stays; its stall
    /// limit is always this one.
    /// </summary>
    public ProcessRequest Apply(ProcessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var timeout = (request.Timeout, Timeout) switch
        {
            ({ } own, { } limit) => own < limit ? own : limit,
            (var own, var limit) => own ?? limit,
        };
        return request with { Timeout = timeout, StallTimeout = StallTimeout };
    }
}

/// <summary>A runner that puts every request it passes on under one set of <see cref="RunLimits"/>.</summary>
public sealed class LimitedProcessRunner(IProcessRunner inner, RunLimits limits) : IProcessRunner
{
    public RunLimits Limits { get; } = limits ?? throw new ArgumentNullException(nameof(limits));

    public Task<ProcessResult> RunAsync(ProcessRequest request, IProgress<FfmpegProgress>? progress, CancellationToken cancellationToken) =>
        inner.RunAsync(Limits.Apply(request), progress, cancellationToken);
}
