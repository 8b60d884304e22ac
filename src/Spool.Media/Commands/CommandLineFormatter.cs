using System.Text;

namespace Spool.Media.Commands;

/// <summary>Shows a token list as one POSIX-shell-quoted line, for logs only. Nothing ever runs this text.</summary>
public static class CommandLineFormatter
{
    public static string Format(string fileName, IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return string.Join(' ', new[] { fileName }.Concat(arguments).Select(Quote));
    }

    public static string Quote(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length > 0 && token.All(IsSafe))
        {
            return token;
        }

        var text = new StringBuilder("'");
        text.Append(token.Replace("'", "'\\''", StringComparison.Ordinal));
        return text.Append('\'').ToString();
    }

    private static bool IsSafe(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or '+' or ',' or '@' or '%';
}
