namespace Spool.Core.Presets;

/// <summary>The presets of DESIGN.md's table. Where the table names no x264 preset, x264's own default ("medium") applies.</summary>
public static class BuiltInPresets
{
    public const string DefaultName = "auto";

    private static readonly SizeRule Keep = new SizeRule.Keep();
    private static readonly SizeRule Portrait1080 = new SizeRule.Canvas(1080, 1920);

    public static IReadOnlyList<Preset> All { get; } =
    [
        new("auto", "Adapts to the source: 4K and up -> 1080p CRF 18 slow; 1080p and up -> CRF 23 medium; smaller -> CRF 28 fast", 23, "medium", null, Keep, null, 128)
        {
            IsSourceAdaptive = true,
        },
        new("web_optimized", "Web playback: up to 1280x720, 60 fps, CRF 28", 28, "medium", null, new SizeRule.Bound(720, 1280), 60, 96),
        new("high_quality", "Source size and frame rate, CRF 18 slow", 18, "slow", null, Keep, null, 192),
        new("mobile_optimized", "Phones on slow networks: up to 854x480, 30 fps, CRF 32", 32, "medium", null, new SizeRule.Bound(480, 854), 30, 64),
        new("fast_draft", "Quick review copy: short side up to 720, 24 fps, ultrafast", 28, "ultrafast", null, new SizeRule.Bound(720, null), 24, 128),
        new("archival", "Keep everything: source size and frame rate, CRF 18 slow, every audio track (AAC 256k a stereo pair) and text subtitle track", 18, "slow", null, Keep, null, 256)
        {
            KeepsEveryTrack = true,
        },
        new("social_media", "Vertical 1080x1920 (fit and pad), 30 fps, capped at 6 Mbit/s", 23, "medium", 6000, Portrait1080, 30, 128),
        new("instagram", "Instagram Reels: vertical 1080x1920 (fit and pad), 30 fps, capped at 6 Mbit/s", 23, "medium", 6000, Portrait1080, 30, 128),
        new("tiktok", "TikTok: vertical 1080x1920 (fit and pad), 30 fps, capped at 6 Mbit/s", 23, "medium", 6000, Portrait1080, 30, 128),
        new("youtube", "YouTube upload: 1920x1080 (fit and pad), up to 60 fps (50/60 fps sources keep their rate), CRF 18 slow, capped at 8 Mbit/s", 18, "slow", 8000, new SizeRule.Canvas(1920, 1080), 60, 192),
        new("twitter", "Twitter/X: 1280x720 (fit and pad), 30 fps, CRF 23", 23, "medium", null, new SizeRule.Canvas(1280, 720), 30, 192),
        new("facebook", "Facebook: 1280x720 (fit and pad), 30 fps, CRF 23", 23, "medium", null, new SizeRule.Canvas(1280, 720), 30, 192),
    ];
}
