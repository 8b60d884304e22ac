using System.Security.Cryptography;

namespace Spool.Web.Auth;

/// <summary>
/// The token <c>spool serve</c> makes when none is given, kept in <c>$SPOOL_HOME/serve.token</c> so that the link it
/// prints opens the page again after a restart. The file is created readable and writable by its owner only (0600,
/// in a folder made 0700), complete before it takes its name; one that others could read is replaced, since the
/// token in it may have been read already.
/// </summary>
/// <param name="Path">The token file.</param>
/// <param name="Token">64 hex digits: 256 random bits.</param>
/// <param name="Created">Whether this call made it (a first start, or a replaced file).</param>
public sealed record ServeToken(string Path, string Token, bool Created)
{
    public const string FileName = "serve.token";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode OthersMay = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Reads the token kept in <paramref name="home"/>, or makes and keeps a new one. Throws <see cref="IOException"/> when the folder cannot be written.</summary>
    public static ServeToken LoadOrCreate(string home)
    {
        ArgumentException.ThrowIfNullOrEmpty(home);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("spool serve keeps its token with Unix file modes.");
        }

        var path = System.IO.Path.Combine(home, FileName);
        if (File.Exists(path) && (File.GetUnixFileMode(path) & OthersMay) == 0 && File.ReadAllText(path).Trim() is { Length: > 0 } kept)
        {
            return new ServeToken(path, kept, false);
        }

        Directory.CreateDirectory(home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".partial";
        try
        {
            // Created with its final mode (the umask can only take bits away), so it is never readable by others.
            using (var stream = new FileStream(temporary, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly }))
            using (var writer = new StreamWriter(stream))
            {
                writer.WriteLine(token);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return new ServeToken(path, token, true);
    }
}
