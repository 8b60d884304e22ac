namespace Spool.Core.Presets;

/// <summary>Applies a YAML preset's keys to its base (or to the defaults when it has none).</summary>
internal static class PresetComposer
{
    /// <summary>What a preset without "base" starts from: x264's defaults, the source's size and frame rate, AAC 128k.</summary>
    public static Preset Defaults(string name) =>
        new(name, "User preset", 23, "medium", null, new SizeRule.Keep(), null, 128);

    public static (Preset? Preset, (string? Key, string Problem)? Problem) Compose(string name, Preset? basePreset, PresetOverrides overrides)
    {
        if (overrides.SetsBounds && overrides.Canvas.IsSet)
        {
            return (null, ("canvas", "set either canvas or max_short_side/max_long_side, not both"));
        }

        if (basePreset is { IsSourceAdaptive: true } && overrides.SetsEncodingOrSize)
        {
            // auto picks CRF, x264 preset and size per source; overriding one of them would leave a half-adaptive preset.
            return (null, ("base", $"'{basePreset.Name}' picks crf, x264_preset and size from each source; only audio_bitrate, max_fps and max_bitrate can be changed on it"));
        }

        var start = basePreset ?? Defaults(name);
        var preset = start with
        {
            Name = name,
            Description = overrides.Description ?? (basePreset is null ? start.Description : $"User preset based on {basePreset.Name}"),
            Crf = overrides.Crf ?? start.Crf,
            X264Preset = overrides.X264Preset ?? start.X264Preset,
            Size = Size(start.Size, overrides),
            MaxFps = overrides.MaxFps.Or(start.MaxFps),
            AudioBitrateKbps = overrides.AudioBitrateKbps ?? start.AudioBitrateKbps,
            MaxBitrateKbps = overrides.MaxBitrateKbps.Or(start.MaxBitrateKbps),
            KeepsEveryTrack = overrides.KeepsEveryTrack ?? start.KeepsEveryTrack,
        };
        return (preset, null);
    }

    private static SizeRule Size(SizeRule inherited, PresetOverrides overrides)
    {
        if (overrides.Canvas.IsSet)
        {
            return (SizeRule?)overrides.Canvas.Value ?? new SizeRule.Keep();
        }

        if (!overrides.SetsBounds)
        {
            return inherited;
        }

        // Bounds given on a base with bounds change only the sides named; on any other base they replace its size rule.
        var (shortSide, longSide) = inherited is SizeRule.Bound bound ? (bound.MaxShortSide, bound.MaxLongSide) : (null, null);
        shortSide = overrides.MaxShortSide.Or(shortSide);
        longSide = overrides.MaxLongSide.Or(longSide);
        return shortSide is null && longSide is null ? new SizeRule.Keep() : new SizeRule.Bound(shortSide, longSide);
    }
}
