using System.Globalization;
using Spool.Core.Planning;
using Spool.Core.Presets;

namespace Spool.Core.Steps.Hls;

/// <summary>
/// The adaptive ladder: which rungs an HLS package offers, highest first. The standard rungs and their average
/// bitrates follow the common H.264 ladders (Apple's authoring guide, the big streaming services) for 30 fps content:
/// 1080p 5000k video / 128k audio, 720p 2800k / 128k, 480p 1400k / 96k, 360p 800k / 96k. A source never gets a rung
/// above its own short side: an upscaled rung costs bandwidth and shows nothing new.
/// </summary>
public sealed record HlsLadder
{
    public HlsLadder(IReadOnlyList<HlsRung> rungs)
    {
        ArgumentNullException.ThrowIfNull(rungs);
        if (rungs.Count == 0 || rungs.Select(rung => rung.Height).Distinct().Count() != rungs.Count)
        {
            throw new ArgumentException("A ladder needs at least one rung and no height twice.", nameof(rungs));
        }

        Rungs = [.. rungs.OrderByDescending(rung => rung.Height)];
    }

    public static IReadOnlyList<HlsRung> Standard { get; } =
    [
        new(1080, 5000, 128),
        new(720, 2800, 128),
        new(480, 1400, 96),
        new(360, 800, 96),
    ];

    /// <summary>All four standard rungs: what "--hls" gives without "--hls-ladder".</summary>
    public static HlsLadder Default { get; } = new(Standard);

    /// <summary>The rungs, highest first (the order of the master playlist).</summary>
    public IReadOnlyList<HlsRung> Rungs { get; }

    /// <summary>"1080,720,360" or "720p,480p" (any order, spaces allowed): a ladder of those standard rungs, or why not.</summary>
    public static HlsLadderParse Parse(string? text)
    {
        var known = string.Join(", ", Standard.Select(rung => rung.Height.ToString(CultureInfo.InvariantCulture)));
        if (string.IsNullOrWhiteSpace(text))
        {
            return new HlsLadderParse.Invalid($"The HLS ladder is empty: give rungs from {known} (for example 1080,720,360).");
        }

        var rungs = new List<HlsRung>();
        foreach (var item in text.Split(',').Select(item => item.Trim()))
        {
            var digits = item.EndsWith('p') || item.EndsWith('P') ? item[..^1] : item;
            var rung = int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var height)
                ? Standard.FirstOrDefault(standard => standard.Height == height)
                : null;
            if (rung is null)
            {
                return new HlsLadderParse.Invalid(item.Length == 0
                    ? $"The HLS ladder '{text}' has an empty item: give rungs from {known}, separated by commas."
                    : $"'{item}' is not an HLS rung: choose from {known}.");
            }

            if (rungs.Contains(rung))
            {
                return new HlsLadderParse.Invalid($"The HLS ladder '{text}' names {rung.Name} twice.");
            }

            rungs.Add(rung);
        }

        return new HlsLadderParse.Parsed(new HlsLadder(rungs));
    }

    /// <summary>
    /// The variants for a source of this display size (square pixels, rotation applied): each rung not above the
    /// source's short side, the rung's height on the short side so a portrait source stays portrait, the long side
    /// from the display aspect (even, never past the source). A source below the lowest rung gets one variant at its
    /// own size, at the lowest rung's audio bitrate and a video bitrate scaled down by its pixel count.
    /// </summary>
    public IReadOnlyList<HlsVariant> ForSource(int displayWidth, int displayHeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(displayWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(displayHeight, 1);
        var shortSide = Math.Min(displayWidth, displayHeight);
        var variants = Rungs
            .Where(rung => rung.Height <= shortSide)
            .Select(rung => Variant(rung.Name, rung.Height, rung.VideoKbps, rung.AudioKbps, displayWidth, displayHeight))
            .ToList();
        if (variants.Count > 0)
        {
            return variants;
        }

        var lowest = Rungs[^1];
        var own = EvenDown(shortSide);
        var share = (double)own / lowest.Height;
        var videoKbps = Math.Max(100, (int)Math.Round(lowest.VideoKbps * share * share));
        return [Variant(own.ToString(CultureInfo.InvariantCulture) + "p", own, videoKbps, lowest.AudioKbps, displayWidth, displayHeight)];
    }

    // The same size math as the presets (mobile_optimized's 480p is this ladder's 480p rung).
    private static HlsVariant Variant(string name, int shortSide, int videoKbps, int audioKbps, int width, int height)
    {
        var size = FrameSizes.For(width, height, new SizeRule.Bound(shortSide, null));
        return new HlsVariant(name, size.FrameWidth, size.FrameHeight, videoKbps, audioKbps);
    }

    private static int EvenDown(int value) => Math.Max(2, value - (value % 2));

}

/// <summary>What <see cref="HlsLadder.Parse"/> made of a ladder text: a ladder, or a message saying what is wrong.</summary>
public abstract record HlsLadderParse
{
    private HlsLadderParse()
    {
    }

    public sealed record Parsed(HlsLadder Ladder) : HlsLadderParse;

    public sealed record Invalid(string Message) : HlsLadderParse;
}
