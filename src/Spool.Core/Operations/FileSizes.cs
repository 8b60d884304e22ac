using Spool.Media.Files;

namespace Spool.Core.Operations;

internal static class FileSizes
{
    public static long? Of(string path)
    {
        try
        {
            // Through a symbolic link: its own size (the length of the path it holds) is not the input's.
            var info = ResolvedFile.Of(path);
            return info.Exists ? info.Length : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
