using System.Diagnostics;
using Spool.Core.Discovery;

namespace Spool.Core.Tests.Discovery;

/// <summary>
/// Issue 10: a symlink loop under --recursive gave one file 41 times, and a --pattern reaching out of the scanned
/// folder gave output names with ".." that land outside --output. Discovery follows each real folder once, and no
/// output name ever leaves the output folder.
/// </summary>
public sealed class InputDiscoveryLinkTests
{
    private static IReadOnlyList<DiscoveredInput> Discover(string folder, bool recursive, string? pattern = null) =>
        InputDiscovery.Discover(new DiscoveryRequest([folder], recursive, pattern, folder));

    [Fact]
    public void Symlink_loop_under_recursive_gives_each_file_once()
    {
        using var tree = new TempTree("top.mp4", "sub/deep.mp4");
        Directory.CreateSymbolicLink(tree.PathOf("sub/loop"), "..");

        var found = Discover(tree.Root, recursive: true);

        Assert.Equal([tree.PathOf("sub/deep.mp4"), tree.PathOf("top.mp4")], found.Select(input => input.Path));
        Assert.Equal(["sub/deep", "top"], found.Select(input => input.OutputName));
    }

    [Fact]
    public void Symlink_to_the_scanned_folder_itself_adds_nothing()
    {
        using var tree = new TempTree("a.mp4", "sub/b.mp4");
        Directory.CreateSymbolicLink(tree.PathOf("sub/root"), tree.Root);
        Directory.CreateSymbolicLink(tree.PathOf("self"), ".");

        var found = Discover(tree.Root, recursive: true, pattern: "**/*.mp4");

        Assert.Equal(["a", "sub/b"], found.Select(input => input.OutputName));
    }

    [Fact]
    public void A_folder_linked_twice_is_followed_once_through_its_real_path_first()
    {
        using var tree = new TempTree("real/clip.mp4");
        Directory.CreateSymbolicLink(tree.PathOf("alias"), "real");

        var found = Discover(tree.Root, recursive: true);

        Assert.Equal([tree.PathOf("real/clip.mp4")], found.Select(input => input.Path));
    }

    [Fact]
    public void A_linked_folder_reached_only_through_its_link_is_scanned()
    {
        using var outside = new TempTree("linked/far.mp4");
        using var tree = new TempTree("near.mp4");
        Directory.CreateSymbolicLink(tree.PathOf("far"), outside.PathOf("linked"));

        var found = Discover(tree.Root, recursive: true);

        Assert.Equal(["far/far", "near"], found.Select(input => input.OutputName));
    }

    [Fact]
    public void Pattern_reaching_out_of_the_folder_gives_names_inside_the_output_folder()
    {
        using var tree = new TempTree("in/inside.mp4", "x/clip.mp4");

        var found = Discover(tree.PathOf("in"), recursive: true, pattern: "../x/*");

        Assert.Equal([tree.PathOf("x/clip.mp4")], found.Select(input => input.Path));
        Assert.All(found, input => Assert.DoesNotContain("..", input.OutputName.Split('/')));
        Assert.All(found, input => Assert.StartsWith("/out/", Path.GetFullPath(Path.Combine("/out", input.OutputName)), StringComparison.Ordinal));
        Assert.Equal(["x/clip"], found.Select(input => input.OutputName));
    }

    [Fact]
    public void A_file_whose_stem_is_dot_dot_gets_a_name_inside_the_output_folder()
    {
        using var tree = new TempTree("...mp4", "sub/..mp4");

        var found = Discover(tree.Root, recursive: true);

        Assert.Equal(["input", "sub/input"], found.Select(input => input.OutputName));
    }

    [Fact]
    public async Task Fifo_in_a_scanned_folder_is_listed_without_being_opened()
    {
        using var tree = new TempTree("clip.mp4");
        using (var mkfifo = Process.Start("mkfifo", [tree.PathOf("pipe.mp4")]))
        {
            await mkfifo.WaitForExitAsync();
        }

        var found = await Task.Run(() => Discover(tree.Root, recursive: true)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["clip", "pipe"], found.Select(input => input.OutputName));
    }
}
