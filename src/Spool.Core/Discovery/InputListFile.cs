namespace Spool.Core.Discovery;

/// <summary>Reads a process-list file: one input per line; blank lines and lines starting with '#' are ignored.</summary>
public static class InputListFile
{
    public static IReadOnlyList<string> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split('\n')
            .Select(line => line.TrimEnd('\r').Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
    }
}
