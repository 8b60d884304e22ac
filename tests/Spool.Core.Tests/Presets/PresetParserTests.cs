using Spool.Core.Presets;

namespace Spool.Core.Tests.Presets;

public sealed class PresetParserTests
{
    [Theory]
    [InlineData("web_optimized,mobile_optimized", new[] { "web_optimized", "mobile_optimized" })]
    [InlineData(" web_optimized , mobile_optimized ", new[] { "web_optimized", "mobile_optimized" })]
    [InlineData("YouTube", new[] { "youtube" })]
    [InlineData("tiktok,tiktok,auto", new[] { "tiktok", "auto" })]
    [InlineData("archival,", new[] { "archival" })]
    public void Names_parse_to_presets_in_order(string text, string[] names)
    {
        var selection = PresetParser.ParseNames(text);

        var selected = Assert.IsType<PresetSelection.Selected>(selection);
        Assert.Equal(names, selected.Presets.Select(preset => preset.Name));
    }

    [Fact]
    public void Unknown_name_is_named_with_the_known_ones()
    {
        var selection = PresetParser.ParseNames("web_optimized,vimeo");

        var invalid = Assert.IsType<PresetSelection.Invalid>(selection);
        Assert.Equal(
            "Unknown preset 'vimeo'. Known presets: auto, web_optimized, high_quality, mobile_optimized, fast_draft, archival, "
            + "social_media, instagram, tiktok, youtube, twitter, facebook.",
            invalid.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" , ")]
    [InlineData(null)]
    public void Empty_list_is_invalid(string? text)
    {
        var invalid = Assert.IsType<PresetSelection.Invalid>(PresetParser.ParseNames(text));

        Assert.StartsWith("No preset named.", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void User_presets_can_be_named()
    {
        var mine = PresetCatalog.BuiltIn.Find("web_optimized")! with { Name = "my_web" };
        var catalog = PresetCatalog.BuiltIn.WithUserPresets([mine]);

        var selected = Assert.IsType<PresetSelection.Selected>(PresetParser.ParseNames("my_web", catalog));

        Assert.Same(mine, Assert.Single(selected.Presets));
    }
}
