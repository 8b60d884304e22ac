namespace Spool.Core.Steps.Images;

/// <summary>How a sprite sheet is made: tile width, the most tiles, the shortest interval, JPEG quality.</summary>
/// <param name="TileWidth">Tile width in pixels; the height follows the display aspect (even).</param>
/// <param name="MaxTiles">At most this many tiles: long videos get a longer interval instead of a huge sheet.</param>
/// <param name="MinIntervalSeconds">No two tiles closer than this (whole seconds keep the cue times round).</param>
/// <param name="KeyframesOnlyFromSeconds">
/// From this interval on, only keyframes are decoded ("-skip_frame nokey"): each tile then shows the last keyframe
/// at or before its time, which at intervals this long is close, and the pass decodes a few frames per tile instead
/// of the whole video.
/// </param>
/// <param name="JpegQuality">The sheet's JPEG qscale (2 best ... 31 worst).</param>
public sealed record SpriteOptions(int TileWidth = 160, int MaxTiles = 100, int MinIntervalSeconds = 1, int KeyframesOnlyFromSeconds = 10, int JpegQuality = 3)
{
    public static SpriteOptions Default { get; } = new();
}

/// <summary>
/// A sprite sheet's geometry (pure): one tile per Interval seconds of video, left to right then top to bottom, in a
/// grid as square as the count allows (ceil(sqrt n) columns), so a 100-tile sheet of 16:9 tiles is 1600x900.
/// </summary>
public sealed record SpriteLayout(int IntervalSeconds, int Tiles, int Columns, int Rows, int TileWidth, int TileHeight, double Duration)
{
    // Probe durations carry float noise (12.000001): it must not start a tile of its own.
    private const double Tolerance = 1e-4;

    public int Width => Columns * TileWidth;

    public int Height => Rows * TileHeight;

    /// <summary>The interval is the whole number of seconds that keeps the tiles at or under MaxTiles.</summary>
    public static SpriteLayout Plan(double duration, int displayWidth, int displayHeight, SpriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(duration);
        var interval = Math.Max(options.MinIntervalSeconds, (int)Math.Ceiling((duration / options.MaxTiles) - Tolerance));
        // ffmpeg's fps filter (round=up) emits ceil(duration / interval) frames: one per started interval.
        var tiles = Math.Max(1, (int)Math.Ceiling((duration / interval) - Tolerance));
        var columns = (int)Math.Ceiling(Math.Sqrt(tiles));
        var rows = (int)Math.Ceiling((double)tiles / columns);
        var width = Math.Min(StillImages.Even(options.TileWidth), StillImages.Even(displayWidth));
        return new SpriteLayout(interval, tiles, columns, rows, width, StillImages.HeightFor(width, displayWidth, displayHeight), duration);
    }

    /// <summary>Tile <paramref name="index"/>'s rectangle on the sheet.</summary>
    public (int X, int Y, int Width, int Height) Tile(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Tiles);
        return (index % Columns * TileWidth, index / Columns * TileHeight, TileWidth, TileHeight);
    }

    /// <summary>When tile <paramref name="index"/> is shown: its interval, the last one cut at the video's end.</summary>
    public (double Start, double End) Span(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Tiles);
        return ((double)index * IntervalSeconds, Math.Min((index + 1.0) * IntervalSeconds, Duration));
    }
}
