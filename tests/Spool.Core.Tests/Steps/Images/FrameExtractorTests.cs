using Spool.Core.Steps.Images;
using Spool.Media.Errors;

namespace Spool.Core.Tests.Steps.Images;

/// <summary>Frame extraction with real ffmpeg: counts, names, and that each seek lands on the planned frame.</summary>
[Collection(ImageMediaGroup.Name)]
public sealed class FrameExtractorTests(ImageMedia media)
{
    private readonly FrameExtractor extractor = new(ImageMedia.Runner, ImageMedia.Ffmpeg);

    [Fact]
    public async Task Count_gives_that_many_frames_named_in_order()
    {
        var folder = media.NewFolder();
        var source = await ImageMedia.ProbeAsync(media.Clip);

        var result = await extractor.ExtractAsync(source, "clip", new FrameRequest(FrameSelection.ByCount(12), folder, MaxSize: (160, 160)), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal([.. Enumerable.Range(1, 12).Select(i => Path.Combine(folder, $"clip_{i:0000}.jpg"))], result.Files);
        Assert.Equal(2, result.Runs.Count); // 12 frames: a chunk of 10 and one of 2.
        Assert.Equal(12, result.Files.Select(ImageMedia.Hash).Distinct().Count());
        Assert.Equal(Directory.GetFiles(folder).Order(), result.Files.Order());
        var picture = (await ImageMedia.ProbeAsync(result.Files[0])).PrimaryVideo!;
        Assert.Equal((160, 120), (picture.Width, picture.Height));
    }

    [Fact]
    public async Task Every_gives_a_frame_per_interval_from_zero()
    {
        var folder = media.NewFolder();
        var source = await ImageMedia.ProbeAsync(media.Clip);

        var result = await extractor.ExtractAsync(source, "clip", new FrameRequest(FrameSelection.Every(5), folder, FrameFormat.Png), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(["clip_0001.png", "clip_0002.png", "clip_0003.png"], result.Files.Select(Path.GetFileName));
        Assert.Equal((3, 0), (result.Planned, result.Missing));
    }

    [Fact]
    public async Task Each_seek_lands_on_the_planned_frame()
    {
        var folder = media.NewFolder();
        var source = await ImageMedia.ProbeAsync(media.Clip);

        // Every 3 s of a 10 fps clip with keyframes every 16 frames: frames 0, 30, 60, 90, three of them mid-GOP.
        var result = await extractor.ExtractAsync(source, "clip", new FrameRequest(FrameSelection.Every(3), folder, FrameFormat.Png), CancellationToken.None);
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Single(result.Runs);
        Assert.Equal(4, result.Files.Count);

        // The same frames picked by number from a full decode, through the same scale, encode to the same bytes.
        await ImageMedia.FfmpegAsync(
            "-i", "file:" + media.Clip, "-vf", "select='not(mod(n\\,30))',scale=320:240,setsar=1", "-fps_mode", "passthrough",
            "-frames:v", "4", "-start_number", "0", Path.Combine(folder, "reference_%d.png"));
        Assert.Equal(
            Enumerable.Range(0, 4).Select(k => ImageMedia.Hash(Path.Combine(folder, $"reference_{k}.png"))),
            result.Files.Select(ImageMedia.Hash));
    }

    [Fact]
    public async Task A_corrupt_video_fails_with_a_classified_error_and_leaves_no_partials()
    {
        var folder = media.NewFolder();
        var source = await ImageMedia.ProbeAsync(media.Clip);
        var broken = Path.Combine(folder, "broken.mp4");
        await File.WriteAllBytesAsync(broken, [.. File.ReadAllBytes(media.Clip).Take(4096)]);

        var result = await extractor.ExtractAsync(source with { Path = broken }, "broken", new FrameRequest(FrameSelection.ByCount(3), folder), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(ErrorCategory.InputCorrupt, result.Error!.Category);
        Assert.Empty(result.Files);
        Assert.Equal(["broken.mp4"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }
}
