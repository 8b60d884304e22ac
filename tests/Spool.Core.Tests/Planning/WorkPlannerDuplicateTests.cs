using Spool.Core.Planning;

namespace Spool.Core.Tests.Planning;

/// <summary>Outputs whose commands differ only in their path are encoded once; the others are copies of it.</summary>
public sealed class WorkPlannerDuplicateTests
{
    [Fact]
    public void Social_media_instagram_and_tiktok_are_encoded_once_and_the_other_two_are_copies()
    {
        var source = Sources.Media(Sources.Video(1280, 720));

        var plan = Expected.Plan(source, "social_media", "instagram", "tiktok");

        var tokens = Expected.Tokens(plan.Fused);
        Assert.Equal(1, tokens.Count(token => token == "-c:v"));
        Assert.Equal(["file:/out/clip/video/clip_social_media.partial.mp4"], tokens.Where(token => token.StartsWith("file:/out/", StringComparison.Ordinal)));
        Assert.Equal(Expected.Tokens(Expected.Plan(source, "social_media").Fused), tokens);
        Assert.Equal(
            [("social_media", null, "/out/clip/video/clip_social_media.mp4"), ("instagram", "social_media", "/out/clip/video/clip_instagram.mp4"), ("tiktok", "social_media", "/out/clip/video/clip_tiktok.mp4")],
            plan.Outputs.Select(output => (output.PresetName, output.DuplicateOf, output.FinalPath)));
    }

    [Fact]
    public void Presets_that_differ_are_all_encoded()
    {
        var plan = Expected.Plan(Sources.Media(Sources.Video(1280, 720)), "web_optimized", "mobile_optimized");

        Assert.Equal([null, null], plan.Outputs.Select(output => output.DuplicateOf));
        Assert.Equal(2, Expected.Tokens(plan.Fused).Count(token => token == "-c:v"));
    }

    [Fact]
    public void A_user_preset_with_the_settings_of_a_built_in_one_under_another_name_is_a_copy()
    {
        var web = Expected.Preset("web_optimized");
        var mine = web with { Name = "my_web", Description = "mine" };
        var sharper = web with { Name = "my_sharper_web", Crf = 26 };

        var outcome = WorkPlanner.Plan(Sources.Media(Sources.Video(1280, 720)), [web, mine, sharper], PlanOptions.Default, Expected.Target);

        var plan = Assert.IsType<PlanOutcome.Planned>(outcome).Plan;
        Assert.Equal([null, "web_optimized", null], plan.Outputs.Select(output => output.DuplicateOf));
        Assert.Equal(
            ["file:/out/clip/video/clip_web_optimized.partial.mp4", "file:/out/clip/video/clip_my_sharper_web.partial.mp4"],
            Expected.Tokens(plan.Fused).Where(token => token.StartsWith("file:/out/", StringComparison.Ordinal)));
    }
}
