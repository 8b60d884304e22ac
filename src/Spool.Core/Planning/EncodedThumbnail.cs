namespace Spool.Core.Planning;

/// <summary>
/// The report's thumbnail of one output, made by that output's own encode (issue 12: no ffmpeg per job at the end of
/// a batch): the output's final picture is split, and the branch keeps the first frame at or after
/// <see cref="AtSeconds"/> (the middle), scaled to <see cref="Width"/> pixels wide, written as a JPEG to
/// <see cref="PartialPath"/> (named after the job's lease, like the output's partial). Once the output is placed the
/// JPEG is moved to <see cref="HandedOverPath"/>, where the report step reads and deletes it.
/// </summary>
public sealed record EncodedThumbnail(string PartialPath, double AtSeconds)
{
    /// <summary>The report's thumbnail width in pixels (the height follows the picture, rounded to even).</summary>
    public const int Width = 160;

    /// <summary>"-q:v" for the JPEG: about 5 KB at 160 px, which keeps a 500-job report page light.</summary>
    public const int JpegQuality = 5;

    /// <summary>
    /// "/out/a/video/a_web.mp4" → "/out/a/video/.a_web.thumbnail.jpg": where a placed output's thumbnail waits for the
    /// report step, which deletes it. Complete, so not named partial; hidden, like a chunk folder, so it is never
    /// taken for an output or an input while it waits.
    /// </summary>
    public static string HandedOverPath(string finalPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(finalPath);
        return Path.Combine(Path.GetDirectoryName(finalPath) ?? "", "." + Path.GetFileNameWithoutExtension(finalPath) + ".thumbnail.jpg");
    }
}
