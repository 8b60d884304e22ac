using Spool.Core.Presets;

namespace Spool.Core.Tests.Presets;

public sealed class PresetCatalogTests
{
    private static readonly SizeRule Keep = new SizeRule.Keep();

    public static TheoryData<string, int, string, int?, SizeRule, int?, int> Table => new()
    {
        // name, crf, x264 preset, max kbit/s, size, max fps, audio kbit/s: DESIGN.md's table, but youtube keeps 50/60 fps
        // sources at their rate (issue 11; YouTube takes up to 60 fps) where the table says 30
        { "web_optimized", 28, "medium", null, new SizeRule.Bound(720, 1280), 60, 96 },
        { "high_quality", 18, "slow", null, Keep, null, 192 },
        { "mobile_optimized", 32, "medium", null, new SizeRule.Bound(480, 854), 30, 64 },
        { "fast_draft", 28, "ultrafast", null, new SizeRule.Bound(720, null), 24, 128 },
        { "archival", 18, "slow", null, Keep, null, 256 },
        { "social_media", 23, "medium", 6000, new SizeRule.Canvas(1080, 1920), 30, 128 },
        { "instagram", 23, "medium", 6000, new SizeRule.Canvas(1080, 1920), 30, 128 },
        { "tiktok", 23, "medium", 6000, new SizeRule.Canvas(1080, 1920), 30, 128 },
        { "youtube", 18, "slow", 8000, new SizeRule.Canvas(1920, 1080), 60, 192 },
        { "twitter", 23, "medium", null, new SizeRule.Canvas(1280, 720), 30, 192 },
        { "facebook", 23, "medium", null, new SizeRule.Canvas(1280, 720), 30, 192 },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Built_in_preset_matches_the_design_table(string name, int crf, string x264, int? maxKbps, SizeRule size, int? maxFps, int audioKbps)
    {
        var preset = PresetCatalog.BuiltIn.Find(name);

        Assert.NotNull(preset);
        Assert.Equal(
            (name, crf, x264, maxKbps, size, maxFps, audioKbps, "libx264", "aac", false),
            (preset.Name, preset.Crf, preset.X264Preset, preset.MaxBitrateKbps, preset.Size, preset.MaxFps, preset.AudioBitrateKbps, preset.VideoCodec, preset.AudioCodec, preset.IsSourceAdaptive));
    }

    [Fact]
    public void Auto_is_the_default_and_adapts_to_the_source()
    {
        var auto = PresetCatalog.BuiltIn.Default;

        Assert.Equal("auto", auto.Name);
        Assert.True(auto.IsSourceAdaptive);
        Assert.Equal((128, (int?)null), (auto.AudioBitrateKbps, auto.MaxFps));
    }

    [Fact]
    public void Names_list_every_built_in_in_the_design_order()
    {
        Assert.Equal(
            ["auto", "web_optimized", "high_quality", "mobile_optimized", "fast_draft", "archival", "social_media", "instagram", "tiktok", "youtube", "twitter", "facebook"],
            PresetCatalog.BuiltIn.Names);
    }

    [Fact]
    public void Find_returns_null_for_an_unknown_name()
    {
        Assert.Null(PresetCatalog.BuiltIn.Find("vimeo"));
    }

    [Fact]
    public void User_presets_come_after_the_built_ins_and_leave_the_original_catalog_alone()
    {
        var mine = PresetCatalog.BuiltIn.Default with { Name = "mine", IsSourceAdaptive = false };

        var catalog = PresetCatalog.BuiltIn.WithUserPresets([mine]);

        Assert.Equal("mine", catalog.Names[^1]);
        Assert.Same(mine, catalog.Find("mine"));
        Assert.Null(PresetCatalog.BuiltIn.Find("mine"));
    }

    [Fact]
    public void Adding_a_preset_that_clashes_with_a_built_in_is_a_caller_bug()
    {
        var clash = PresetCatalog.BuiltIn.Default with { Name = "youtube" };

        Assert.Throws<ArgumentException>(() => PresetCatalog.BuiltIn.WithUserPresets([clash]));
    }

    public static TheoryData<int, int, int, string, SizeRule> AutoTiers => new()
    {
        { 3840, 2160, 18, "slow", new SizeRule.Bound(1080, 1920) },
        { 2160, 3840, 18, "slow", new SizeRule.Bound(1080, 1920) },
        { 7680, 4320, 18, "slow", new SizeRule.Bound(1080, 1920) },
        { 3839, 2160, 23, "medium", Keep },
        { 1920, 1080, 23, "medium", Keep },
        { 1080, 1920, 23, "medium", Keep },
        { 1919, 1080, 28, "fast", Keep },
        { 1280, 720, 28, "fast", Keep },
    };

    [Theory]
    [MemberData(nameof(AutoTiers))]
    public void Auto_picks_crf_speed_and_size_from_the_long_side(int width, int height, int crf, string x264, SizeRule size)
    {
        var concrete = AutoPreset.ForSource(PresetCatalog.BuiltIn.Default, width, height);

        Assert.Equal((crf, x264, size, false, "auto"), (concrete.Crf, concrete.X264Preset, concrete.Size, concrete.IsSourceAdaptive, concrete.Name));
    }

    [Fact]
    public void Fixed_presets_ignore_the_source()
    {
        var web = PresetCatalog.BuiltIn.Find("web_optimized")!;

        Assert.Same(web, AutoPreset.ForSource(web, 3840, 2160));
    }
}
