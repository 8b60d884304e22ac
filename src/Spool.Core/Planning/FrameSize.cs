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
/// Size math on display pixels (square, rotation applied). Every result is even (yuv420p needs it), rounded down and
/// at least 2, so a dimension never grows past what the rule allows; display aspect is kept to within that rounding.
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

        return (Even(scale.Of(width)), Even(scale.Of(height)));
    }

    // A canvas is the one case where the picture may grow: it is scaled to touch the canvas on one axis.
    private static (int Width, int Height) Fit(int width, int height, SizeRule.Canvas canvas)
    {
        var scale = Ratio.Min(new Ratio(canvas.Width, width), new Ratio(canvas.Height, height));
        return (Math.Min(Even(scale.Of(width)), Even(canvas.Width)), Math.Min(Even(scale.Of(height)), Even(canvas.Height)));
    }

    // Exact fractions, so 1080 * 720/1080 is 720 and not 719.9999.
    private readonly record struct Ratio(long Numerator, long Denominator)
    {
        public static Ratio Min(Ratio a, Ratio b) => a.Numerator * b.Denominator <= b.Numerator * a.Denominator ? a : b;

        public long Of(int value) => value * Numerator / Denominator;
    }
}
