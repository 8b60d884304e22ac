namespace Spool.Core.Presets;

/// <summary>
/// The source-adaptive choice behind "auto". DESIGN.md says "by source width"; Spool reads that as the long side of
/// the display size, so a portrait 4K phone clip (2160x3840) counts as 4K just like a landscape one.
/// </summary>
public static class AutoPreset
{
    /// <summary>The concrete preset "auto" (or a user preset based on it) becomes for a source of this display size.</summary>
    public static Preset ForSource(Preset preset, int displayWidth, int displayHeight)
    {
        ArgumentNullException.ThrowIfNull(preset);
        if (!preset.IsSourceAdaptive)
        {
            return preset;
        }

        var longSide = Math.Max(displayWidth, displayHeight);
        var concrete = preset with { IsSourceAdaptive = false };
        return longSide switch
        {
            >= 3840 => concrete with { Crf = 18, X264Preset = "slow", Size = new SizeRule.Bound(1080, 1920) },
            >= 1920 => concrete with { Crf = 23, X264Preset = "medium", Size = new SizeRule.Keep() },
            _ => concrete with { Crf = 28, X264Preset = "fast", Size = new SizeRule.Keep() },
        };
    }
}
