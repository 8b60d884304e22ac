namespace Spool.Media.Commands;

/// <summary>One filter, "name=key=value:key=value"; a null key is a positional argument.</summary>
public sealed record Filter(string Name, IReadOnlyList<FilterArg> Args)
{
    public Filter(string name, params FilterArg[] args)
        : this(name, (IReadOnlyList<FilterArg>)args)
    {
    }
}

public sealed record FilterArg(string? Key, string Value)
{
    public static FilterArg Positional(string value) => new(null, value);

    public static implicit operator FilterArg((string Key, string Value) pair) => new(pair.Key, pair.Value);
}

/// <summary>"[in]f1,f2[out]": labelled inputs, a chain of filters, labelled outputs.</summary>
public sealed record FilterChain(IReadOnlyList<string> Inputs, IReadOnlyList<Filter> Filters, IReadOnlyList<string> Outputs);

/// <summary>A whole -filter_complex graph: chains joined by ";".</summary>
public sealed record FilterGraph(IReadOnlyList<FilterChain> Chains);
