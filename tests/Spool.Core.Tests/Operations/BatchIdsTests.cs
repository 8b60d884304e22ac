using Spool.Core.Operations;

namespace Spool.Core.Tests.Operations;

public sealed class BatchIdsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 5, 7, TimeSpan.FromHours(2));

    [Fact]
    public void Id_is_the_utc_second()
    {
        Assert.Equal("batch_20261122_070507", BatchIds.New(Now, _ => false));
    }

    [Fact]
    public void A_taken_id_gets_the_next_free_suffix()
    {
        var taken = new HashSet<string> { "batch_20261122_070507", "batch_20261122_070507_2" };
        Assert.Equal("batch_20261122_070507_3", BatchIds.New(Now, taken.Contains));
    }
}
