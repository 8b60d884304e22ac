using Spool.Core.Operations;

namespace Spool.Core.Tests.Operations;

public sealed class BatchIdsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 5, 7, TimeSpan.FromHours(2));

    [Fact]
    public void Id_is_the_utc_second()
    {
        Assert.Equal("batch_20261122_070507", BatchIds.New(Now));
    }

    [Fact]
    public void Candidates_are_the_base_then_numbered_suffixes_from_2()
    {
        Assert.Equal(
            ["batch_20261122_070507", "batch_20261122_070507_2", "batch_20261122_070507_3"],
            BatchIds.Candidates(BatchIds.New(Now)).Take(3));
    }
}
