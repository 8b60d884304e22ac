namespace Spool.Core.Storage;

/// <summary>Where the store lives: an embedded SQLite file, or a PostgreSQL server.</summary>
public abstract record StoreLocation
{
    private protected StoreLocation()
    {
    }

    public sealed record SqliteFile(string DatabasePath) : StoreLocation
    {
        public override string ToString() => DatabasePath;
    }

    public sealed record PostgreSql(string ConnectionUri) : StoreLocation
    {
        /// <summary>Never shows a password: messages and logs print locations.</summary>
        public override string ToString() =>
            Uri.TryCreate(ConnectionUri, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':', StringComparison.Ordinal)
                ? ConnectionUri.Replace(uri.UserInfo, uri.UserInfo.Split(':')[0] + ":***", StringComparison.Ordinal)
                : ConnectionUri;
    }

    public const string StoreVariable = "SPOOL_STORE";

    public const string HomeVariable = "SPOOL_HOME";

    public const string DatabaseFileName = "spool.db";

    /// <summary>
    /// <c>--store</c>, else <c>SPOOL_STORE</c>, else <c>$SPOOL_HOME/spool.db</c> with SPOOL_HOME defaulting to
    /// <c>~/.local/share/spool</c>. A postgres:// or postgresql:// value is a server; anything else a file path.
    /// Pure: the environment and the home folder are passed in.
    /// </summary>
    public static StoreLocation Resolve(string? storeOption, IReadOnlyDictionary<string, string?> environment, string userHome)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var value = NonEmpty(storeOption) ?? NonEmpty(environment.GetValueOrDefault(StoreVariable));
        if (value is not null)
        {
            return IsPostgreSql(value) ? new PostgreSql(value) : new SqliteFile(Path.GetFullPath(value));
        }

        return new SqliteFile(Path.Combine(Home(environment, userHome), DatabaseFileName));
    }

    /// <summary><c>$SPOOL_HOME</c>, default <c>~/.local/share/spool</c>: where Spool keeps its own files. Pure, as <see cref="Resolve"/>.</summary>
    public static string Home(IReadOnlyDictionary<string, string?> environment, string userHome)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Path.GetFullPath(NonEmpty(environment.GetValueOrDefault(HomeVariable)) ?? Path.Combine(userHome, ".local", "share", "spool"));
    }

    /// <summary>The edge: <see cref="Resolve"/> with this process's environment and home folder.</summary>
    public static StoreLocation FromEnvironment(string? storeOption) => Resolve(
        storeOption,
        new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [StoreVariable] = Environment.GetEnvironmentVariable(StoreVariable),
            [HomeVariable] = Environment.GetEnvironmentVariable(HomeVariable),
        },
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The edge: <see cref="Home"/> with this process's environment and home folder.</summary>
    public static string HomeFromEnvironment() => Home(
        new Dictionary<string, string?>(StringComparer.Ordinal) { [HomeVariable] = Environment.GetEnvironmentVariable(HomeVariable) },
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    private static bool IsPostgreSql(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
