using Microsoft.Data.Sqlite;
using Spool.Core.Storage;
using Spool.Core.Storage.Sqlite;

namespace Spool.Core.Tests.Storage;

/// <summary>The store contract on a fresh SQLite file per test, plus what only SQLite has (WAL, schema versions).</summary>
public sealed class SqliteJobStoreTests : JobStoreContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-store-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_folder, "spool.db");

    protected override Task<IJobStore> CreateStoreAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.FromResult<IJobStore>(new SqliteJobStore(DatabasePath));
    }

    protected override Task DeleteDatabaseAsync()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task Migrated_file_is_in_wal_mode_at_the_latest_schema_version()
    {
        await OpenStoreAsync();
        await (await OpenStoreAsync()).MigrateAsync(Ct);

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal(8L, await ScalarAsync(connection, "SELECT MAX(version) FROM schema_version"));
        Assert.Equal(8L, await ScalarAsync(connection, "SELECT COUNT(*) FROM schema_version"));
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }
}
