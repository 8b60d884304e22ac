using Spool.Core.Steps.Images;
using Spool.Core.Tests.Planning;
using Spool.Media.Probing;

namespace Spool.Core.Tests.Steps.Images;

public sealed class FramePlannerTests
{
    private const double Frame = 0.04;

    [Fact]
    public void Count_takes_the_middle_of_n_equal_parts()
    {
        Assert.Equal([1.5, 4.5, 7.5, 10.5], FramePlanner.Times(FrameSelection.ByCount(4), 12, Frame));
        Assert.Equal([30.0, 90, 150, 210, 270, 330, 390, 450, 510, 570], FramePlanner.Times(FrameSelection.ByCount(10), 600, Frame));
    }

    [Fact]
    public void Every_starts_at_zero_and_stays_before_the_end()
    {
        Assert.Equal([0.0, 5, 10], FramePlanner.Times(FrameSelection.Every(5), 12, Frame));
        Assert.Equal([0.0, 3, 6, 9], FramePlanner.Times(FrameSelection.Every(3), 12, Frame));
        Assert.Equal([0.0, 2.5, 5, 7.5], FramePlanner.Times(FrameSelection.Every(2.5), 10, Frame));
        Assert.Equal(12, FramePlanner.Times(FrameSelection.Every(1), 12, Frame).Count);
    }

    [Fact]
    public void Times_are_held_two_frames_before_the_end_and_unknown_durations_give_the_first_frame()
    {
        Assert.Equal(0.92, FramePlanner.Times(FrameSelection.ByCount(1000), 1, Frame)[^1], 6);
        Assert.Equal([0.0], FramePlanner.Times(FrameSelection.Every(5), null, Frame));
        Assert.Equal([0.0], FramePlanner.Times(FrameSelection.ByCount(7), null, Frame));
    }

    [Fact]
    public void Selections_reject_nonsense()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FrameSelection.ByCount(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrameSelection.Every(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrameSelection.Every(double.PositiveInfinity));
    }

    [Fact]
    public void Files_are_named_by_stem_and_four_digit_number()
    {
        var source = Sources.Media(Sources.Video(320, 240));
        var frames = FramePlanner.Plan(source, "clip", new FrameRequest(FrameSelection.Every(4), "/out", FrameFormat.Png));
        Assert.Equal(
            [new PlannedFrame(1, 0, "/out/clip_0001.png"), new PlannedFrame(2, 4, "/out/clip_0002.png"), new PlannedFrame(3, 8, "/out/clip_0003.png")],
            frames);
    }

    [Fact]
    public void Sizes_fit_within_the_box_in_display_terms()
    {
        var landscape = Sources.Video(1920, 1080);
        Assert.Equal((1920, 1080), FramePlanner.Size(landscape, null));
        Assert.Equal((320, 180), FramePlanner.Size(landscape, (320, 320)));
        Assert.Equal((360, 640), FramePlanner.Size(landscape with { Rotation = 90 }, (640, 640)));
        Assert.Equal((1024, 576), FramePlanner.Size(Sources.Video(720, 576) with { SampleAspectRatio = new Rational(64, 45) }, null));
    }

    [Fact]
    public void Every_frame_is_its_own_seeked_input_mapped_to_its_own_output()
    {
        PlannedFrame[] chunk = [new(1, 1.5, "/out/clip_0001.jpg"), new(2, 4.5, "/out/clip_0002.jpg")];
        var request = new FrameRequest(FrameSelection.ByCount(2), "/out", DecoderThreads: 2);
        Assert.Equal(
            [
                "-hide_banner", "-nostdin", "-nostats", "-v", "error", "-y",
                "-threads", "2", "-ss", "1.5", "-i", "file:/in/clip.mp4",
                "-threads", "2", "-ss", "4.5", "-i", "file:/in/clip.mp4",
                "-map", "0:0", "-vf", "scale=320:240,setsar=1", "-frames:v", "1", "-q:v", "2", "-update", "1", "file:/out/clip_0001.partial.jpg",
                "-map", "1:0", "-vf", "scale=320:240,setsar=1", "-frames:v", "1", "-q:v", "2", "-update", "1", "file:/out/clip_0002.partial.jpg",
            ],
            FramePlanner.Arguments("/in/clip.mp4", 0, chunk, (320, 240), request));
    }

    [Fact]
    public void Png_frames_carry_no_jpeg_quality()
    {
        PlannedFrame[] chunk = [new(1, 0, "/out/clip_0001.png")];
        var arguments = FramePlanner.Arguments("/in/clip.mp4", 2, chunk, (320, 240), new FrameRequest(FrameSelection.Every(1), "/out", FrameFormat.Png));
        Assert.Equal(
            ["-hide_banner", "-nostdin", "-nostats", "-v", "error", "-y", "-ss", "0", "-i", "file:/in/clip.mp4",
             "-map", "0:2", "-vf", "scale=320:240,setsar=1", "-frames:v", "1", "-update", "1", "file:/out/clip_0001.partial.png"],
            arguments);
    }
}
