using Spool.Core.Steps.Hls;

namespace Spool.Core.Tests.Steps.Hls;

public sealed class HlsLadderTests
{
    [Theory]
    [InlineData("1080,720,360", new[] { 1080, 720, 360 })]
    [InlineData("720p, 480P", new[] { 720, 480 })]
    [InlineData("360,1080", new[] { 1080, 360 })]
    [InlineData(" 480 ", new[] { 480 })]
    public void Parse_takes_standard_rungs_in_any_order_highest_first(string text, int[] heights)
    {
        var parsed = Assert.IsType<HlsLadderParse.Parsed>(HlsLadder.Parse(text));
        Assert.Equal(heights, parsed.Ladder.Rungs.Select(rung => rung.Height));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("  ", "empty")]
    [InlineData("540", "'540' is not an HLS rung: choose from 1080, 720, 480, 360.")]
    [InlineData("720,hd", "'hd' is not an HLS rung")]
    [InlineData("1080,,720", "has an empty item")]
    [InlineData("720,720p", "names 720p twice")]
    [InlineData("-360", "'-360' is not an HLS rung")]
    public void Parse_says_what_is_wrong(string text, string message)
    {
        var invalid = Assert.IsType<HlsLadderParse.Invalid>(HlsLadder.Parse(text));
        Assert.Contains(message, invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_rungs_carry_the_documented_bitrates()
    {
        Assert.Equal(
            [(1080, 5000, 128), (720, 2800, 128), (480, 1400, 96), (360, 800, 96)],
            HlsLadder.Default.Rungs.Select(rung => (rung.Height, rung.VideoKbps, rung.AudioKbps)));
    }

    [Fact]
    public void A_1080p_source_gets_every_rung_at_its_aspect()
    {
        Assert.Equal(
            [("1080p", 1920, 1080), ("720p", 1280, 720), ("480p", 854, 480), ("360p", 640, 360)],
            Sizes(HlsLadder.Default.ForSource(1920, 1080)));
    }

    [Fact]
    public void Rungs_above_the_source_are_left_out()
    {
        Assert.Equal([("480p", 854, 480), ("360p", 640, 360)], Sizes(HlsLadder.Default.ForSource(854, 480)));
        Assert.Equal([("720p", 1280, 720), ("480p", 854, 480), ("360p", 640, 360)], Sizes(HlsLadder.Default.ForSource(1280, 720)));
    }

    [Fact]
    public void A_portrait_source_applies_rungs_to_its_short_side_and_stays_portrait()
    {
        Assert.Equal(
            [("1080p", 1080, 1920), ("720p", 720, 1280), ("480p", 480, 854), ("360p", 360, 640)],
            Sizes(HlsLadder.Default.ForSource(1080, 1920)));
    }

    [Fact]
    public void Sizes_are_even_and_never_wider_than_the_source()
    {
        Assert.Equal([("480p", 852, 480), ("360p", 638, 360)], Sizes(HlsLadder.Default.ForSource(853, 481)));
    }

    [Fact]
    public void A_source_below_the_lowest_rung_gets_one_variant_at_its_own_size()
    {
        var variant = Assert.Single(HlsLadder.Default.ForSource(320, 240));
        Assert.Equal(new HlsVariant("240p", 320, 240, 356, 96), variant);
    }

    [Fact]
    public void A_chosen_ladder_above_the_source_falls_back_to_the_source_size()
    {
        var ladder = Assert.IsType<HlsLadderParse.Parsed>(HlsLadder.Parse("1080")).Ladder;
        Assert.Equal(new HlsVariant("720p", 1280, 720, 2222, 128), Assert.Single(ladder.ForSource(1280, 720)));
    }

    [Fact]
    public void A_chosen_ladder_keeps_only_its_rungs()
    {
        var ladder = Assert.IsType<HlsLadderParse.Parsed>(HlsLadder.Parse("1080,360")).Ladder;
        Assert.Equal([("1080p", 1920, 1080), ("360p", 640, 360)], Sizes(ladder.ForSource(1920, 1080)));
    }

    private static List<(string, int, int)> Sizes(IReadOnlyList<HlsVariant> variants) =>
        variants.Select(v => (v.Name, v.Width, v.Height)).ToList();
}
