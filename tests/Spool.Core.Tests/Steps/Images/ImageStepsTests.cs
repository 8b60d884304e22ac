using System.Globalization;
using System.Text.RegularExpressions;
using Spool.Core.Steps;
using Spool.Core.Steps.Images;

namespace Spool.Core.Tests.Steps.Images;

/// <summary>Thumbnails and the sprite with real ffmpeg on tiny lavfi clips.</summary>
[Collection(ImageMediaGroup.Name)]
public sealed partial class ImageStepsTests(ImageMedia media)
{
    [Fact]
    public async Task Four_thumbnails_of_a_12_s_clip_are_distinct_and_none_is_blank()
    {
        var context = new StepContext(await ImageMedia.ProbeAsync(media.Clip), media.NewFolder(), "clip", 2);

        var outcome = await new ThumbnailsStep(ImageMedia.Runner, ImageMedia.Ffmpeg, 4).RunAsync(context, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error?.Message);
        var folder = Path.Combine(context.OutputFolder, "thumbnails");
        Assert.Equal([.. Enumerable.Range(1, 4).Select(i => Path.Combine(folder, $"clip_0{i}.jpg"))], outcome.Files);
        Assert.Equal(4, outcome.Files.Select(ImageMedia.Hash).Distinct().Count());
        Assert.All(await ImageMedia.LevelsAsync(outcome.Files), levels => Assert.False(levels.IsBlank, levels.ToString()));
        var picture = (await ImageMedia.ProbeAsync(outcome.Files[0])).PrimaryVideo!;
        Assert.Equal((320, 240), (picture.Width, picture.Height));

        Assert.Equal(4, outcome.Runs.Count);
        Assert.Equal("1.5,4.5,7.5,10.5", outcome.Details["times"]);
        Assert.Equal(["clip_01.jpg", "clip_02.jpg", "clip_03.jpg", "clip_04.jpg"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task A_black_opening_gives_the_nearest_picture_instead()
    {
        var context = new StepContext(await ImageMedia.ProbeAsync(media.BlackStart), media.NewFolder(), "black start", 2);

        var outcome = await new ThumbnailsStep(ImageMedia.Runner, ImageMedia.Ffmpeg, 4).RunAsync(context, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error?.Message);
        Assert.All(await ImageMedia.LevelsAsync(outcome.Files), levels => Assert.False(levels.IsBlank, levels.ToString()));

        // The first point (1.5 s) is inside the black; the window one step later (2.5-4.5 s) is mostly picture.
        Assert.Equal("3.5,4.5,7.5,10.5", outcome.Details["times"]);
        Assert.Equal("1", outcome.Details["blank_replaced"]);
        Assert.Equal(4, outcome.Files.Select(ImageMedia.Hash).Distinct().Count());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(outcome.Files[0])!, "*.partial.*"));
    }

    [Fact]
    public async Task The_sprite_track_has_one_cue_per_tile_inside_the_sheet()
    {
        var context = new StepContext(await ImageMedia.ProbeAsync(media.Clip), media.NewFolder(), "clip", 2);

        var outcome = await new SpriteStep(ImageMedia.Runner, ImageMedia.Ffmpeg).RunAsync(context, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error?.Message);
        var folder = Path.Combine(context.OutputFolder, "thumbnails");
        Assert.Equal([Path.Combine(folder, "clip_sprite.jpg"), Path.Combine(folder, "clip_sprite.vtt")], outcome.Files);
        var sheet = (await ImageMedia.ProbeAsync(outcome.Files[0])).PrimaryVideo!;
        Assert.Equal((640, 360), (sheet.Width, sheet.Height));

        var track = await File.ReadAllTextAsync(outcome.Files[1]);
        Assert.StartsWith("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nclip_sprite.jpg#xywh=0,0,160,120\n", track, StringComparison.Ordinal);
        var cues = Cue().Matches(track).Select(m => m.Groups.Values.Skip(1).Select(g => int.Parse(g.Value, CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.Equal(12, cues.Count);
        Assert.All(cues, c => Assert.True(c[0] + c[2] <= sheet.Width && c[1] + c[3] <= sheet.Height, string.Join(',', c)));
        Assert.Equal(12, cues.Select(c => (c[0], c[1])).Distinct().Count());
        Assert.Contains("00:00:11.000 --> 00:00:12.000\nclip_sprite.jpg#xywh=480,240,160,120\n", track, StringComparison.Ordinal);
        Assert.Equal("12", outcome.Details["tiles"]);
    }

    [Fact]
    public async Task The_tiles_show_different_moments()
    {
        var context = new StepContext(await ImageMedia.ProbeAsync(media.BlackStart), media.NewFolder(), "clip", 2);
        var outcome = await new SpriteStep(ImageMedia.Runner, ImageMedia.Ffmpeg).RunAsync(context, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error?.Message);

        // The first tile (0 s) is black; the last (11 s) is testsrc2.
        Assert.True((await ImageMedia.LevelsAsync([outcome.Files[0]], "crop=160:120:0:0"))[0].IsBlank);
        Assert.False((await ImageMedia.LevelsAsync([outcome.Files[0]], "crop=160:120:480:240"))[0].IsBlank);
    }

    [GeneratedRegex(@"#xywh=(\d+),(\d+),(\d+),(\d+)")]
    private static partial Regex Cue();
}
