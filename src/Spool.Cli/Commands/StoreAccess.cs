using System.CommandLine;
using Spool.Core.Storage;

namespace Spool.Cli.Commands;

/// <summary>The --store option every queue command shares, and opening the store it names (exit 3 when it cannot).</summary>
internal static class StoreAccess
{
    public static Option<string?> CreateOption() => new("--store")
    {
        Description = "The job store: a SQLite file path (default $SPOOL_HOME/spool.db, or $SPOOL_STORE).",
    };

    public static async Task<IJobStore> OpenAsync(string? store, CancellationToken cancellationToken)
    {
        var location = StoreLocation.FromEnvironment(store);
        StoreOpening opening;
        try
        {
            opening = await StoreFactory.OpenAsync(location, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new EnvironmentException($"the store ({location}) cannot be opened: {exception.Message}");
        }

        return opening.Store ?? throw new EnvironmentException(opening.Problem ?? "the store cannot be opened.");
    }
}
