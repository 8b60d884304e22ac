using System.Net;

namespace Spool.Web;

/// <summary>Where <c>spool serve</c> listens and who may use it.</summary>
/// <param name="Bind">An IP address, or "localhost" (127.0.0.1).</param>
/// <param name="Port">0 picks a free port.</param>
/// <param name="Token">When set, every /api route and /metrics needs it as a bearer token; without it nothing may be changed.</param>
public sealed record ServerOptions(string Bind, int Port, string? Token)
{
    public const int DefaultPort = 8470;

    public const string DefaultBind = "127.0.0.1";

    /// <summary>Where problems of the background work (workers, event polling) are written; nothing else is logged.</summary>
    public TextWriter Errors { get; init; } = TextWriter.Null;

    /// <summary>
    /// The folders (--root, absolute) a submission may read and write inside; empty allows any path, which only a
    /// loopback server may do.
    /// </summary>
    public IReadOnlyList<string> Roots { get; init; } = [];

    /// <summary>How often the event stream reads the store for changes.</summary>
    public TimeSpan EventPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The address to listen on, or null when <see cref="Bind"/> is neither an IP address nor localhost.</summary>
    public IPAddress? Address => string.Equals(Bind, "localhost", StringComparison.OrdinalIgnoreCase)
        ? IPAddress.Loopback
        : IPAddress.TryParse(Bind, out var address) ? address : null;

    /// <summary>
    /// Why these options must not start a server, or null when they may. Binding beyond loopback without a token
    /// would let anyone on the network read every path in the store; with a token but no --root, anyone holding it
    /// could read and write every file this user can: both refused (DESIGN.md "Loopback by default").
    /// <paramref name="tokenWillBeMade"/>: the caller makes a token once these checks pass (serve does, so that a
    /// mistyped flag leaves nothing behind).
    /// </summary>
    public string? Problem(bool tokenWillBeMade = false)
    {
        if (Address is not { } address)
        {
            return $"--bind: '{Bind}' is not an IP address; use 127.0.0.1, ::1, localhost, or an address of this machine such as 0.0.0.0.";
        }

        if (Port is < 0 or > 65535)
        {
            return "--port must be between 0 and 65535 (0 picks a free port).";
        }

        foreach (var root in Roots)
        {
            if (!Path.IsPathFullyQualified(root))
            {
                return $"--root '{root}' is not an absolute path.";
            }

            if (!Directory.Exists(root))
            {
                return $"--root '{root}' is not a folder.";
            }
        }

        if (IPAddress.IsLoopback(address))
        {
            return null;
        }

        if (string.IsNullOrEmpty(Token) && !tokenWillBeMade)
        {
            return $"refusing to bind {Bind} without a token: anyone who can reach this address could submit work that reads and writes files as you, and read the file paths of every batch. "
                + "Set --token or SPOOL_TOKEN, or bind 127.0.0.1.";
        }

        return Roots.Count == 0
            ? $"refusing to bind {Bind} without --root: anyone with the token could read and write any file this user can. Name the folders submissions may use with --root DIR, or bind 127.0.0.1."
            : null;
    }
}
