using Spool.Media.Commands;

namespace Spool.Core.Steps.Cleanup;

/// <summary>
/// Filter texts for <see cref="Planning.EncodeAdjustments"/>, which carries complete filters as strings. They are built
/// as typed <see cref="Filter"/>s and rendered by the one renderer, so a value holding a path gets the same two-level
/// escaping as every other graph: the filter's option parser (\ ' :), then the graph parser (\ ' [ ] , ;).
/// </summary>
public static class FilterText
{
    /// <summary>The filters as one chain ("a=x:y,b=z"), ready for -vf, -af or a -filter_complex chain.</summary>
    public static string Render(params Filter[] filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        return FfmpegCommandRenderer.RenderGraph(new FilterGraph([new FilterChain([], filters, [])]));
    }

    /// <summary>One option value escaped for a graph: "/a b/it's,[1].trf" stays a single value.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        const string name = "x";
        return Render(new Filter(name, FilterArg.Positional(value)))[(name.Length + 1)..];
    }
}
