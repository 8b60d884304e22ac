using Spool.Core.Presets;

namespace Spool.Core.Planning;

/// <summary>
/// The picture size for one output: the content is what the source is scaled to; the frame is the
/// encoded size, larger than the content only for canvas presets (the rest is padding).
/// </summary>
public sealed record FrameSize(int ContentWidth, int ContentHeight, int FrameWidth, int FrameHeight)
{
    public bool IsPadded => ContentWidth != FrameWidth || ContentHeight != FrameHeight;
}

/// <summary>
/// Size math on display pixels (square, rotation applied). Every result is even (yuv420p needs it) and at least 2. The
/// side a limit decides is that limit; the other is rounded to the nearest even number, but never past its own limit
/// nor the source's side (rounded down to even): 1920x1080 bounded to 480 lines is 854x480, the 480p everyone ships
/// and the HLS ladder's 480p rung (<see cref="Steps.Hls.HlsLadder"/> sizes its rungs here). Display aspect is kept to
/// within that rounding.
/// </summary>
public static class FrameSizes
{
    public static FrameSize For(int displayWidth, int displayHeight, SizeRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfLessThan(displayWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(displayHeight, 1);
        switch (rule)
        {
            case SizeRule.Bound bound:
                var (width, height) = Shrink(displayWidth, displayHeight, bound);
                return new FrameSize(width, height, width, height);
            case SizeRule.Canvas canvas:
                var (contentWidth, contentHeight) = Fit(displayWidth, displayHeight, canvas);
                return new FrameSize(contentWidth, contentHeight, Even(canvas.Width), Even(canvas.Height));
            default:
                return new FrameSize(Even(displayWidth), Even(displayHeight), Even(displayWidth), Even(displayHeight));
        }
    }

    /// <summary>Rounds down to an even number, at least 2.</summary>
    public static int Even(long value) => (int)Math.Max(2, value - (value % 2));

    // Bounds apply to the short and long side, whichever axis they are on, so a portrait source stays portrait.
    private static (int Width, int Height) Shrink(int width, int height, SizeRule.Bound bound)
    {
        var (shortSide, longSide) = (Math.Min(width, height), Math.Max(width, height));
        var scale = new Ratio(1, 1);
        if (bound.MaxShortSide is { } maxShort)
        {
            scale = Ratio.Min(scale, new Ratio(maxShort, shortSide));
        }

        if (bound.MaxLongSide is { } maxLong)
        {
            scale = Ratio.Min(scale, new Ratio(maxLong, longSide));
        }

        var (maxWidth, maxHeight) = width >= height ? (bound.MaxLongSide, bound.MaxShortSide) : (bound.MaxShortSide, bound.MaxLongSide);
        return (Nearest(scale, width, maxWidth), Nearest(scale, height, maxHeight));
    }

    // value * scale to the nearest even number, but never past the limit or the value itself (both rounded down to even).
    private static int Nearest(Ratio scale, int value, int? limit) =>
        Math.Min(NearestEven(scale, value), Math.Min(Even(value), limit is { } max ? Even(max) : int.MaxValue));

    // floor(x / 2 + 1/2) * 2 for x = value * scale, in whole numbers: 853.3 -> 854, 607.5 -> 608, 480 -> 480.
    private static int NearestEven(Ratio scale, int value) =>
        (int)Math.Max(2, (value * scale.Numerator + scale.Denominator) / (2 * scale.Denominator) * 2);

    // A canvas is the one case where the picture may grow: it is scaled to touch the canvas on one axis.
    private static (int Width, int Height) Fit(int width, int height, SizeRule.Canvas canvas)
    {
        var scale = Ratio.Min(new Ratio(canvas.Width, width), new Ratio(canvas.Height, height));
        return (Math.Min(NearestEven(scale, width), Even(canvas.Width)), Math.Min(NearestEven(scale, height), Even(canvas.Height)));
    }

    // Exact fractions, so 1080 * 720/1080 is 720 and not 719.9999.
    private readonly record struct Ratio(long Numerator, long Denominator)
    {
        public static Ratio Min(Ratio a, Ratio b) => a.Numerator * b.Denominator <= b.Numerator * a.Denominator ? a : b;
    }
}
