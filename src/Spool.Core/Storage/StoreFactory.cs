using Microsoft.Data.Sqlite;
using Spool.Core.Storage.Sqlite;

namespace Spool.Core.Storage;

/// <summary>An open, migrated store, or why there is none (the CLI exits 3: environment unusable).</summary>
public sealed record StoreOpening(IJobStore? Store, string? Problem)
{
    public static StoreOpening Opened(IJobStore store) => new(store, null);

    public static StoreOpening Failed(string problem) => new(null, problem);
}

public static class StoreFactory
{
    public const string PostgreSqlUnavailable =
        "The PostgreSQL store is not available in this build yet; use a SQLite file path for --store or SPOOL_STORE.";

    /// <summary>Opens the store at <paramref name="location"/>, creating its folder and schema when missing.</summary>
    public static async Task<StoreOpening> OpenAsync(StoreLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location is not StoreLocation.SqliteFile file)
        {
            return StoreOpening.Failed(PostgreSqlUnavailable);
        }

        SqliteJobStore? store = null;
        try
        {
            var folder = Path.GetDirectoryName(file.DatabasePath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            store = new SqliteJobStore(file.DatabasePath);
            await store.MigrateAsync(cancellationToken);
            return StoreOpening.Opened(store);
        }
        catch (Exception error) when (error is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            if (store is not null)
            {
                await store.DisposeAsync();
            }

            return StoreOpening.Failed($"Cannot open the store at {file.DatabasePath}: {error.Message}");
        }
    }
}
