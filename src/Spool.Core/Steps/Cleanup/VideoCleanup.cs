namespace Spool.Core.Steps.Cleanup;

/// <summary>
/// Picture denoise with hqdn3d at its own default strengths written out (luma spatial 4, chroma spatial 3, luma
/// temporal 6, chroma temporal 4.5): it clears sensor noise and compression speckle without the smearing of
/// stronger settings, and it is cheap enough to run on every output's decode.
/// </summary>
public static class VideoCleanup
{
    public const string Denoise = "hqdn3d=4:3:6:4.5";

    /// <summary>
    /// The encode's picture clean-up in its order: denoise first (the transform and the sharpening then work on clean
    /// frames), then the stabilising transform, then the colour correction. Used by the run and by the dry run.
    /// </summary>
    public static IReadOnlyList<string> Chain(bool denoise, string? transform, string? color) =>
        new[] { denoise ? Denoise : null, transform, color }.OfType<string>().ToList();
}
