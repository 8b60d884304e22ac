using Spool.Core.Placement;

namespace Spool.Core.Tests.Placement;

/// <summary>A lease that is held until <see cref="Lose"/>; counts the checks made before renames.</summary>
internal sealed class TaggedFence(long token) : IPlacementFence
{
    private volatile bool _lost;
    private int _checks;

    public string Tag => "partial-" + token;

    public int Checks => Volatile.Read(ref _checks);

    public void Lose() => _lost = true;

    public Task<bool> HoldsAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _checks);
        return Task.FromResult(!_lost);
    }
}
