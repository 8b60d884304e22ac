using Spool.Core.Storage;

namespace Spool.Core.Tests.Storage;

public sealed class StoreLocationTests
{
    private const string Home = "/home/ana";

    private static Dictionary<string, string?> Environment(string? store = null, string? home = null) => new(StringComparer.Ordinal)
    {
        ["SPOOL_STORE"] = store,
        ["SPOOL_HOME"] = home,
    };

    [Fact]
    public void Store_option_wins_over_the_environment()
    {
        var location = StoreLocation.Resolve("/data/queue.db", Environment("/env/queue.db", "/spool"), Home);

        Assert.Equal(new StoreLocation.SqliteFile("/data/queue.db"), location);
    }

    [Fact]
    public void Spool_store_is_used_without_the_option()
    {
        Assert.Equal(new StoreLocation.SqliteFile("/env/queue.db"), StoreLocation.Resolve(null, Environment("/env/queue.db", "/spool"), Home));
    }

    [Fact]
    public void Default_is_spool_db_under_spool_home()
    {
        Assert.Equal(new StoreLocation.SqliteFile("/spool/spool.db"), StoreLocation.Resolve(null, Environment(home: "/spool"), Home));
    }

    [Fact]
    public void Spool_home_defaults_to_local_share_spool_and_blank_values_count_as_unset()
    {
        var location = StoreLocation.Resolve(" ", Environment(store: "", home: ""), Home);

        Assert.Equal(new StoreLocation.SqliteFile("/home/ana/.local/share/spool/spool.db"), location);
    }

    [Theory]
    [InlineData("postgres://spool@db:5432/spool")]
    [InlineData("postgresql://spool@db/spool")]
    [InlineData("PostgreSQL://spool@db/spool")]
    public void Postgres_uri_is_a_server(string value)
    {
        Assert.Equal(new StoreLocation.PostgreSql(value), StoreLocation.Resolve(null, Environment(store: value), Home));
    }

    [Fact]
    public void Printed_locations_never_show_a_password()
    {
        Assert.Equal("postgres://spool:***@db:5432/spool", new StoreLocation.PostgreSql("postgres://spool:s3cret@db:5432/spool").ToString());
        Assert.Equal("/data/spool.db", new StoreLocation.SqliteFile("/data/spool.db").ToString());
    }

    [Fact]
    public async Task Opening_a_postgres_store_is_refused_with_a_clear_problem()
    {
        var opening = await StoreFactory.OpenAsync(new StoreLocation.PostgreSql("postgres://db/spool"), CancellationToken.None);

        Assert.Null(opening.Store);
        Assert.Equal(StoreFactory.PostgreSqlUnavailable, opening.Problem);
    }

    [Fact]
    public async Task Opening_a_file_store_creates_its_folder_and_schema()
    {
        var folder = Path.Combine(Path.GetTempPath(), "spool-store-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var opening = await StoreFactory.OpenAsync(new StoreLocation.SqliteFile(Path.Combine(folder, "home", "spool.db")), CancellationToken.None);

            Assert.Null(opening.Problem);
            await using var store = opening.Store!;
            Assert.Empty(await store.ListBatchesAsync(CancellationToken.None));
            Assert.True(File.Exists(Path.Combine(folder, "home", "spool.db")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Opening_a_file_store_where_no_folder_can_be_made_is_a_problem_not_an_exception()
    {
        var blocker = Path.GetTempFileName();
        try
        {
            var opening = await StoreFactory.OpenAsync(new StoreLocation.SqliteFile(Path.Combine(blocker, "spool.db")), CancellationToken.None);

            Assert.Null(opening.Store);
            Assert.StartsWith("Cannot open the store at " + Path.Combine(blocker, "spool.db"), opening.Problem, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(blocker);
        }
    }
}
