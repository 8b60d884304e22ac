using Spool.Core.Steps.Images;

namespace Spool.Core.Tests.Steps.Images;

public sealed class SpriteLayoutTests
{
    [Theory]
    [InlineData(12, 1, 12, 4, 3)]
    [InlineData(12.04, 1, 13, 4, 4)]
    [InlineData(12.000001, 1, 12, 4, 3)]
    [InlineData(3.2, 1, 4, 2, 2)]
    [InlineData(0.5, 1, 1, 1, 1)]
    [InlineData(100, 1, 100, 10, 10)]
    [InlineData(600, 6, 100, 10, 10)]
    [InlineData(601, 7, 86, 10, 9)]
    [InlineData(3600, 36, 100, 10, 10)]
    public void At_most_100_tiles_at_least_a_second_apart_in_a_square_grid(double duration, int interval, int tiles, int columns, int rows)
    {
        var layout = SpriteLayout.Plan(duration, 1920, 1080, SpriteOptions.Default);
        Assert.Equal((interval, tiles, columns, rows), (layout.IntervalSeconds, layout.Tiles, layout.Columns, layout.Rows));
        Assert.True(layout.Columns * layout.Rows >= layout.Tiles);
    }

    [Theory]
    [InlineData(1920, 1080, 160, 90)]
    [InlineData(1080, 1920, 160, 284)]
    [InlineData(320, 240, 160, 120)]
    [InlineData(120, 90, 120, 90)]
    public void Tiles_are_160_wide_with_the_display_aspect(int displayWidth, int displayHeight, int width, int height)
    {
        var layout = SpriteLayout.Plan(12, displayWidth, displayHeight, SpriteOptions.Default);
        Assert.Equal((width, height), (layout.TileWidth, layout.TileHeight));
        Assert.Equal((4 * width, 3 * height), (layout.Width, layout.Height));
    }

    [Fact]
    public void Tiles_run_left_to_right_then_down_and_the_last_cue_ends_with_the_video()
    {
        var layout = SpriteLayout.Plan(12.5, 320, 240, SpriteOptions.Default);
        Assert.Equal((0, 0, 160, 120), layout.Tile(0));
        Assert.Equal((480, 0, 160, 120), layout.Tile(3));
        Assert.Equal((160, 120, 160, 120), layout.Tile(5));
        Assert.Equal((0, 360, 160, 120), layout.Tile(12));
        Assert.Equal((5.0, 6.0), layout.Span(5));
        Assert.Equal((12.0, 12.5), layout.Span(12));
        Assert.Throws<ArgumentOutOfRangeException>(() => layout.Tile(13));
    }

    [Fact]
    public void The_track_has_one_xywh_cue_per_tile()
    {
        var layout = SpriteLayout.Plan(2.5, 320, 240, SpriteOptions.Default);
        Assert.Equal(
            """
            WEBVTT

            00:00:00.000 --> 00:00:01.000
            clip_sprite.jpg#xywh=0,0,160,120

            00:00:01.000 --> 00:00:02.000
            clip_sprite.jpg#xywh=160,0,160,120

            00:00:02.000 --> 00:00:02.500
            clip_sprite.jpg#xywh=0,120,160,120

            """.ReplaceLineEndings("\n"),
            SpriteVtt.Write(layout, "clip_sprite.jpg"));
    }

    [Fact]
    public void The_sheet_url_is_percent_encoded_and_times_carry_hours()
    {
        var layout = SpriteLayout.Plan(1, 320, 240, SpriteOptions.Default);
        Assert.EndsWith("\nmy%20clip%231_sprite.jpg#xywh=0,0,160,120\n", SpriteVtt.Write(layout, "my clip#1_sprite.jpg"), StringComparison.Ordinal);
        Assert.Equal("01:02:05.500", SpriteVtt.Timestamp(3725.5));
        Assert.Equal("00:00:00.000", SpriteVtt.Timestamp(0));
    }

    [Fact]
    public void A_short_video_is_decoded_whole_in_one_pass()
    {
        var layout = SpriteLayout.Plan(12, 320, 240, SpriteOptions.Default);
        Assert.Equal(
            [
                "-hide_banner", "-nostdin", "-nostats", "-v", "error", "-y", "-progress", "pipe:1", "-stats_period", "2",
                "-threads", "2", "-i", "file:/in/clip.mp4", "-map", "0:0",
                "-vf", "fps=fps=1/1:round=up,scale=160:120,setsar=1,tile=layout=4x3:nb_frames=12",
                "-frames:v", "1", "-q:v", "3", "-update", "1", "file:/out/clip_sprite.partial.jpg",
            ],
            SpriteStep.Arguments("/in/clip.mp4", 0, layout, SpriteOptions.Default, 2, "/out/clip_sprite.partial.jpg"));
    }

    [Fact]
    public void A_long_video_decodes_only_its_keyframes()
    {
        var layout = SpriteLayout.Plan(3600, 1920, 1080, SpriteOptions.Default);
        var arguments = SpriteStep.Arguments("/in/long.mp4", 0, layout, SpriteOptions.Default, 0, "/out/s.partial.jpg").ToList();
        Assert.Equal(arguments.IndexOf("-i") - 2, arguments.IndexOf("-skip_frame"));
        Assert.Equal("nokey", arguments[arguments.IndexOf("-skip_frame") + 1]);
        Assert.Contains("fps=fps=1/36:round=up,scale=160:90,setsar=1,tile=layout=10x10:nb_frames=100", arguments);
        Assert.DoesNotContain("-threads", arguments);
    }
}
