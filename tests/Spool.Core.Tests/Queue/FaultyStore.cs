using System.Reflection;
using Spool.Core.Queue;
using Spool.Core.Storage;

namespace Spool.Core.Tests.Queue;

public enum StoreFault
{
    None,

    /// <summary>The call fails as an unreachable or broken database would.</summary>
    Throw,

    /// <summary>A fenced write matches nothing (false, or a lost lease): another worker holds the job.</summary>
    Refuse,
}

/// <summary>
/// A real store with failures injected by rule: the Nth call of a method throws, or its fenced write is refused.
/// Every other call goes to the store underneath.
/// </summary>
public class FaultyStore : DispatchProxy
{
    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);
    private IJobStore _inner = null!;
    private Func<string, int, StoreFault> _rule = null!;

    public static IJobStore Wrap(IJobStore inner, Func<string, int, StoreFault> rule)
    {
        var proxy = Create<IJobStore, FaultyStore>();
        var faulty = (FaultyStore)(object)proxy;
        faulty._inner = inner;
        faulty._rule = rule;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var name = targetMethod.Name;
        int call;
        lock (_calls)
        {
            call = _calls[name] = _calls.GetValueOrDefault(name) + 1;
        }

        var fault = _rule(name, call);
        var result = targetMethod.ReturnType;
        if (fault == StoreFault.Throw && result.IsGenericType && result.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var failed = typeof(Task).GetMethods().Single(m => m.Name == nameof(Task.FromException) && m.IsGenericMethod).MakeGenericMethod(result.GetGenericArguments()[0]);
            return failed.Invoke(null, [new InvalidOperationException($"injected: {name} call {call} failed (database is locked)")]);
        }

        if (fault == StoreFault.Throw && result == typeof(Task))
        {
            return Task.FromException(new InvalidOperationException($"injected: {name} call {call} failed (database is locked)"));
        }

        if (fault == StoreFault.Refuse && result == typeof(Task<bool>))
        {
            return Task.FromResult(false);
        }

        if (fault == StoreFault.Refuse && result == typeof(Task<LeaseStatus>))
        {
            return Task.FromResult(LeaseStatus.Lost);
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is not null)
        {
            throw wrapped.InnerException;
        }
    }
}
