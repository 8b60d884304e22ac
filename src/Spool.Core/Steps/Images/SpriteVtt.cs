using System.Globalization;
using System.Text;

namespace Spool.Core.Steps.Images;

/// <summary>
/// The WebVTT thumbnail track beside a sprite sheet (the convention of JW Player, Video.js and Plyr previews): one
/// cue per tile whose payload is the sheet's URL with a media fragment "#xywh=x,y,w,h" naming the tile. The URL is
/// the sheet's file name, relative to the track (they sit in the same folder), percent-encoded so a name with spaces,
/// '#' or '%' stays one URL.
/// </summary>
public static class SpriteVtt
{
    public static string Write(SpriteLayout layout, string sheetFileName)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentException.ThrowIfNullOrWhiteSpace(sheetFileName);
        var url = Uri.EscapeDataString(sheetFileName);
        var text = new StringBuilder("WEBVTT\n");
        for (var i = 0; i < layout.Tiles; i++)
        {
            var (start, end) = layout.Span(i);
            var (x, y, w, h) = layout.Tile(i);
            text.Append('\n')
                .Append(Timestamp(start)).Append(" --> ").Append(Timestamp(end)).Append('\n')
                .Append(CultureInfo.InvariantCulture, $"{url}#xywh={x},{y},{w},{h}\n");
        }

        return text.ToString();
    }

    /// <summary>WebVTT's "hh:mm:ss.ttt" (hours always present, so long videos need no other form).</summary>
    public static string Timestamp(double seconds)
    {
        var ms = (long)Math.Round(Math.Max(0, seconds) * 1000);
        return string.Create(CultureInfo.InvariantCulture, $"{ms / 3_600_000:00}:{ms / 60_000 % 60:00}:{ms / 1000 % 60:00}.{ms % 1000:000}");
    }
}
