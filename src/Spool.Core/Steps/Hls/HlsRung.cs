using System.Globalization;

namespace Spool.Core.Steps.Hls;

/// <summary>
/// One rung of the ladder: the picture's short side in pixels ("720" is 1280x720 landscape, 720x1280 portrait) and
/// the average bitrates its variant is encoded at, in kbit/s.
/// </summary>
public sealed record HlsRung(int Height, int VideoKbps, int AudioKbps)
{
    /// <summary>The variant's name in the master playlist and its folder: "720p".</summary>
    public string Name => Height.ToString(CultureInfo.InvariantCulture) + "p";
}

/// <summary>
/// One variant as it will be encoded for a given source: its name (the variant's folder), its exact picture size in
/// display orientation (even, square pixels), and its bitrates in kbit/s.
/// </summary>
public sealed record HlsVariant(string Name, int Width, int Height, int VideoKbps, int AudioKbps);
