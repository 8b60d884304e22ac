using Spool.Core.Placement;
using Spool.Media.Errors;

namespace Spool.Core.Tests.Placement;

/// <summary>Issue 10.1 and 10.10: the one way files are placed, fenced by the writer's lease.</summary>
public sealed class FilePlacerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-placer-" + Guid.NewGuid().ToString("N"));

    public FilePlacerTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Partial_names_keep_the_final_stem_and_extension_and_carry_the_lease_token()
    {
        Assert.Equal("/out/clip_01.partial.jpg", FilePlacer.Unfenced.PartialFor("/out/clip_01.jpg"));
        Assert.Equal("/out/clip_01.2.partial.jpg", FilePlacer.Unfenced.PartialFor("/out/clip_01.jpg", "2"));
        Assert.Equal("/out/clip_sprite.partial.vtt", FilePlacer.Unfenced.PartialFor("/out/clip_sprite.vtt"));
        var leased = new FilePlacer(new TaggedFence(17));
        Assert.Equal("/out/clip/video/clip_web.partial-17.mp4", leased.PartialFor("/out/clip/video/clip_web.mp4"));
        Assert.Equal("/out/clip/hls.partial-17", leased.PartialFolderFor("/out/clip/hls/"));
    }

    [Fact]
    public async Task A_held_lease_is_checked_then_the_partial_becomes_the_final_file()
    {
        var fence = new TaggedFence(3);
        var placer = new FilePlacer(fence);
        var final = Path.Combine(_folder, "a.mp4");
        var partial = placer.PartialFor(final);
        await File.WriteAllTextAsync(partial, "mine");

        var placed = await placer.PlaceFileAsync(partial, final, CancellationToken.None);

        Assert.True(placed.Succeeded);
        Assert.Equal(1, fence.Checks);
        Assert.Equal("mine", await File.ReadAllTextAsync(final));
        Assert.False(File.Exists(partial));
    }

    [Fact]
    public async Task A_lost_lease_renames_nothing_and_leaves_the_new_holders_files_alone()
    {
        var stale = new TaggedFence(3);
        var placer = new FilePlacer(stale);
        var final = Path.Combine(_folder, "a.mp4");
        var newHolders = new FilePlacer(new TaggedFence(4)).PartialFor(final);
        await File.WriteAllTextAsync(final, "placed by the new holder");
        await File.WriteAllTextAsync(newHolders, "being written by the new holder");
        var mine = placer.PartialFor(final);
        await File.WriteAllTextAsync(mine, "stale");
        stale.Lose();

        var placed = await placer.PlaceFileAsync(mine, final, CancellationToken.None);
        placer.Discard(newHolders);

        Assert.IsType<Placed.LeaseLost>(placed);
        Assert.Equal(ErrorCategory.Cancelled, placed.Error!.Category);
        Assert.Equal("placed by the new holder", await File.ReadAllTextAsync(final));
        Assert.Equal("being written by the new holder", await File.ReadAllTextAsync(newHolders));
        Assert.False(File.Exists(mine));
    }

    [Fact]
    public async Task A_folder_replaces_the_earlier_one_whole_and_leaves_no_partial_or_old_copy()
    {
        var placer = new FilePlacer(new TaggedFence(9));
        var final = Path.Combine(_folder, "hls");
        Directory.CreateDirectory(final);
        await File.WriteAllTextAsync(Path.Combine(final, "old.m3u8"), "old");
        var partial = placer.PartialFolderFor(final);
        Directory.CreateDirectory(Path.Combine(partial, "720p"));
        await File.WriteAllTextAsync(Path.Combine(partial, "720p", "index.m3u8"), "new");

        var placed = await placer.PlaceFolderAsync(partial, final, CancellationToken.None);

        Assert.True(placed.Succeeded);
        Assert.Equal(["720p/index.m3u8"], Directory.EnumerateFiles(final, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(final, f)));
        Assert.Equal(["hls"], Directory.EnumerateFileSystemEntries(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_folder_whose_lease_is_lost_leaves_the_placed_one_untouched()
    {
        var fence = new TaggedFence(9);
        var placer = new FilePlacer(fence);
        var final = Path.Combine(_folder, "hls");
        Directory.CreateDirectory(final);
        await File.WriteAllTextAsync(Path.Combine(final, "master.m3u8"), "the new holder's");
        var partial = placer.PartialFolderFor(final);
        Directory.CreateDirectory(partial);
        await File.WriteAllTextAsync(Path.Combine(partial, "master.m3u8"), "stale");
        fence.Lose();

        Assert.IsType<Placed.LeaseLost>(await placer.PlaceFolderAsync(partial, final, CancellationToken.None));
        Assert.Equal("the new holder's", await File.ReadAllTextAsync(Path.Combine(final, "master.m3u8")));
        Assert.False(Directory.Exists(partial));
    }

    [Fact]
    public async Task Written_text_is_complete_under_its_final_name_with_no_partial_left()
    {
        var final = Path.Combine(_folder, "summary", "report.html");

        var placed = await FilePlacer.Unfenced.WriteTextAsync(final, "<p>done</p>", CancellationToken.None);

        Assert.True(placed.Succeeded);
        Assert.Equal("<p>done</p>", await File.ReadAllTextAsync(final));
        Assert.Equal(["report.html"], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(final)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_write_that_cannot_be_made_is_a_classified_failure_not_an_exception()
    {
        var blocker = Path.Combine(_folder, "file");
        await File.WriteAllTextAsync(blocker, "a file where a folder should be");

        var placed = await FilePlacer.Unfenced.WriteTextAsync(Path.Combine(blocker, "summary", "report.html"), "x", CancellationToken.None);

        Assert.IsType<Placed.Failed>(placed);
        Assert.Equal(ErrorCategory.OutputUnwritable, placed.Error!.Category);
    }
}
