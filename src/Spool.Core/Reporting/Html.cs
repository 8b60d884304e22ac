using System.Net;

namespace Spool.Core.Reporting;

/// <summary>Escaping for report.html: every user string (file names, messages) goes through here.</summary>
internal static class Html
{
    /// <summary>
    /// Text or attribute value, HTML-encoded (&lt; &gt; &amp; " '). "://" is written as character references so no
    /// quoted message can put a network address into the file: the report must load and mention nothing remote.
    /// </summary>
    public static string Text(string? value) =>
        WebUtility.HtmlEncode(value ?? "").Replace("://", ":&#47;&#47;", StringComparison.Ordinal);

    /// <summary>A relative link from summary/ to a file: each path segment percent-encoded, then HTML-encoded.</summary>
    public static string RelativeHref(string fromDirectory, string toFile)
    {
        var relative = Path.GetRelativePath(fromDirectory, toFile).Replace(Path.DirectorySeparatorChar, '/');
        var encoded = string.Join('/', relative.Split('/').Select(segment => segment == ".." ? segment : Uri.EscapeDataString(segment)));
        return Text(encoded);
    }
}
