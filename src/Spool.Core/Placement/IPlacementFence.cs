namespace Spool.Core.Placement;

/// <summary>
/// The lease behind a job's files. <see cref="Tag"/> names its partial files (its lease token is in it, so two holders
/// of one job never write the same file); <see cref="HoldsAsync"/> is a fenced store call made right before each
/// rename: false means another worker holds the job now, and nothing may be renamed or deleted of its files.
/// </summary>
public interface IPlacementFence
{
    /// <summary>"partial" outside the queue; "partial-&lt;lease token&gt;" for a claimed job.</summary>
    string Tag { get; }

    Task<bool> HoldsAsync(CancellationToken cancellationToken);
}

/// <summary>No lease: the CLI's own commands (frames, audio, subtitles, reports) place their files unfenced.</summary>
public sealed class NoFence : IPlacementFence
{
    public string Tag => "partial";

    public Task<bool> HoldsAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}
