namespace Spool.Core.Discovery;

/// <summary>The extensions a directory scan takes. Explicitly named files are always attempted, whatever their extension.</summary>
public static class VideoExtensions
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ".mp4", ".m4v", ".mov", ".qt", ".mkv", ".webm", ".avi", ".wmv", ".asf", ".flv", ".f4v",
        ".mpg", ".mpeg", ".m2v", ".m2ts", ".mts", ".ts", ".vob", ".3gp", ".3g2", ".ogv", ".mxf",
        ".dv", ".divx", ".rm", ".rmvb", ".y4m", ".hevc", ".h264", ".264", ".265",
    };

    public static bool IsVideo(string path) => Known.Contains(System.IO.Path.GetExtension(path));
}
