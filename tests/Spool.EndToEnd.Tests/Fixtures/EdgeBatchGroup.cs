namespace Spool.EndToEnd.Tests.Fixtures;

/// <summary>The test classes that read the one edge-case batch share its fixture through this collection.</summary>
[CollectionDefinition(Name)]
public sealed class EdgeBatchGroup : ICollectionFixture<EdgeCaseBatchFixture>
{
    public const string Name = "edge-case batch";
}
