using Spool.Core.Steps.Images;

namespace Spool.Core.Tests.Steps.Images;

public sealed class ThumbnailPlannerTests
{
    private const double Frame = 0.04;

    [Fact]
    public void Thumbnails_are_spread_over_the_video_away_from_its_ends()
    {
        Assert.Equal([1.5, 4.5, 7.5, 10.5], ThumbnailPlanner.Points(12, 4));
        Assert.Equal([300.0], ThumbnailPlanner.Points(600, 1));
    }

    [Theory]
    [InlineData(12, 4, 2)]
    [InlineData(3, 4, 0.75)]
    [InlineData(0.02, 1, 0.04)]
    public void Windows_are_two_seconds_or_the_points_share_when_shorter(double duration, int count, double length)
    {
        Assert.Equal(length, ThumbnailPlanner.WindowLength(duration, count, Frame), 6);
    }

    [Fact]
    public void Nearby_windows_alternate_later_and_earlier_and_stay_inside_the_video()
    {
        var first = ThumbnailPlanner.Candidates(1.5, 12, 2, Frame);
        Assert.Equal([0.5, 2.5, 4.5, 6.5], first.Select(w => w.Start));
        Assert.All(first, w => Assert.Equal(new ThumbnailWindow(w.Start, 2, 50), w));

        var last = ThumbnailPlanner.Candidates(10.5, 12, 2, Frame);
        Assert.Equal([9.5, 7.5, 5.5, 3.5], last.Select(w => w.Start));

        var middle = ThumbnailPlanner.Candidates(6, 12, 2, Frame);
        Assert.Equal([5.0, 7, 3, 9, 1, 10, 0], middle.Select(w => w.Start));
    }

    [Fact]
    public void The_batch_is_the_frames_in_the_window_bounded()
    {
        Assert.Equal(100, ThumbnailPlanner.Candidates(30, 60, 2, 1 / 60.0)[0].Frames);
        Assert.Equal(2, ThumbnailPlanner.Candidates(0.5, 1, 0.04, Frame)[0].Frames);
        Assert.Equal(new ThumbnailWindow(0, 2, 50), ThumbnailPlanner.FromStart(Frame));
    }

    [Fact]
    public void Each_window_is_an_input_seek_measured_and_saved_as_one_jpeg()
    {
        var arguments = ThumbnailPlanner.Arguments("/in/clip.mp4", 1, new ThumbnailWindow(0.5, 2, 50), (320, 240), 2, "/out/clip_01.partial.jpg");
        Assert.Equal(
            [
                "-hide_banner", "-nostdin", "-nostats", "-v", "info", "-y", "-threads", "2",
                "-ss", "0.5", "-t", "2", "-i", "file:/in/clip.mp4", "-map", "0:1",
                "-vf", "scale=320:240,setsar=1,format=yuv420p,thumbnail=n=50,signalstats,metadata=mode=print",
                "-frames:v", "1", "-q:v", "3", "-update", "1", "file:/out/clip_01.partial.jpg",
            ],
            arguments);
        Assert.True(arguments.ToList().IndexOf("-ss") < arguments.ToList().IndexOf("-i"), "the seek is on the input");
    }

    [Fact]
    public void Picture_levels_are_read_from_the_metadata_print()
    {
        const string log = """
            [Parsed_thumbnail_3 @ 0x55d872e31900] frame id #24 (pts_time=0.980000) selected from a set of 50 images
            [Parsed_metadata_5 @ 0x55d8731e9080] frame:0    pts:256     pts_time:0.98
            [Parsed_metadata_5 @ 0x55d8731e9080] lavfi.signalstats.YMIN=16
            [Parsed_metadata_5 @ 0x55d8731e9080] lavfi.signalstats.YLOW=41
            [Parsed_metadata_5 @ 0x55d8731e9080] lavfi.signalstats.YAVG=118.52
            [Parsed_metadata_5 @ 0x55d8731e9080] lavfi.signalstats.YHIGH=210
            [Parsed_metadata_5 @ 0x55d8731e9080] lavfi.signalstats.YMAX=235
            """;
        Assert.Equal(new PictureLevels(41, 118.52, 210), PictureLevels.Parse(log));
        Assert.Null(PictureLevels.Parse("Output file is empty, nothing was encoded"));
    }

    [Theory]
    [InlineData(16, 16, 16, true)]
    [InlineData(235, 235, 235, true)]
    [InlineData(120, 125, 130, true)]
    [InlineData(16, 20, 30, true)]
    [InlineData(16, 30, 60, false)]
    [InlineData(41, 118, 210, false)]
    [InlineData(100, 106, 112, false)]
    public void Flat_or_nearly_black_pictures_are_blank(double low, double average, double high, bool blank)
    {
        Assert.Equal(blank, new PictureLevels(low, average, high).IsBlank);
    }
}
