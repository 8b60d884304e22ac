namespace Spool.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Collects every broken expectation of a test over all files before failing, so one run names each file and
/// property that is wrong instead of stopping at the first.
/// </summary>
public sealed class Problems
{
    private readonly List<string> _items = [];

    public void Add(string problem) => _items.Add(problem);

    public void Check(bool condition, string problem)
    {
        if (!condition)
        {
            _items.Add(problem);
        }
    }

    public void AssertNone(int checkedCount, string what)
    {
        Assert.True(_items.Count == 0, $"{_items.Count} problem(s) over {checkedCount} {what}:\n  " + string.Join("\n  ", _items));
        Assert.True(checkedCount > 0, $"Nothing was checked: no {what}.");
    }
}
