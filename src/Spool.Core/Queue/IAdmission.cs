namespace Spool.Core.Queue;

/// <summary>Decides whether one more work item may start now, beyond the fixed concurrency bound.</summary>
public interface IAdmission
{
    bool CanAdmit(int running);
}

/// <summary>The fixed strategy: the concurrency bound alone decides.</summary>
public sealed class FixedAdmission : IAdmission
{
    public bool CanAdmit(int running) => true;
}
