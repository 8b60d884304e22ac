using System.Globalization;
using Spool.Media.Commands;
using Spool.Media.Probing;

namespace Spool.Core.Steps.Cleanup;

/// <summary>
/// Two-pass stabilisation with vid.stab (pure). The detect pass reads the source's video through the same common
/// filters as the encode (deinterlace, tone-map; rotation is applied by ffmpeg first), so the motions it writes match
/// the frames the transform later moves. The transforms file lives in the job's metadata folder
/// (&lt;name&gt;/metadata/&lt;stem&gt;.trf), as evidence beside its logs; the pass writes a partial file named after its lease
/// that is placed once ffmpeg succeeds, so a crash never leaves a truncated file under the final name.
/// The transform smooths over 21 frames (smoothing=10), lets vid.stab pick the static zoom that hides the moving
/// borders (optzoom=1, zoom=0), then sharpens lightly (unsharp) to undo the interpolation's softening.
/// </summary>
public static class Stabilization
{
    public const int Shakiness = 5;
    public const int Accuracy = 15;
    public const int Smoothing = 10;
    public const string Sharpen = "unsharp=5:5:0.8:3:3:0.4";

    public static string TransformsPath(string metadataFolder, string stem) => Path.Combine(metadataFolder, stem + ".trf");

    /// <summary>The detect pass: video only, to "-f null"; vidstabdetect writes <paramref name="resultPath"/> itself.</summary>
    public static IReadOnlyList<string> DetectArguments(
        string sourcePath, VideoStreamInfo video, IReadOnlyList<Filter> common, string resultPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourcePath);
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(common);
        ArgumentException.ThrowIfNullOrWhiteSpace(resultPath);
        return
        [
            "-hide_banner", "-nostdin", "-progress", "pipe:1", "-nostats",
            "-i", FfmpegCommandRenderer.FilePath(sourcePath),
            "-map", "0:" + video.Index.ToString(CultureInfo.InvariantCulture), "-an",
            "-vf", FilterText.Render([.. common, DetectFilter(resultPath)]),
            "-f", "null", "-",
        ];
    }

    /// <summary>"vidstabdetect=shakiness=5:accuracy=15:result=&lt;escaped path&gt;". vid.stab opens the path itself: no "file:".</summary>
    public static Filter DetectFilter(string resultPath) => new(
        "vidstabdetect",
        ("shakiness", Invariant(Shakiness)),
        ("accuracy", Invariant(Accuracy)),
        ("result", resultPath));

    /// <summary>"vidstabtransform=input=&lt;escaped path&gt;:smoothing=10:zoom=0:optzoom=1,unsharp=5:5:0.8:3:3:0.4".</summary>
    public static string TransformFilter(string transformsPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transformsPath);
        var transform = new Filter(
            "vidstabtransform",
            ("input", transformsPath),
            ("smoothing", Invariant(Smoothing)),
            ("zoom", "0"),
            ("optzoom", "1"));
        return FilterText.Render(transform) + "," + Sharpen;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
