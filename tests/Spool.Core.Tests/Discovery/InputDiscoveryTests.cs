using Spool.Core.Discovery;

namespace Spool.Core.Tests.Discovery;

public sealed class InputDiscoveryTests
{
    private static IReadOnlyList<DiscoveredInput> Discover(TempTree tree, bool recursive = false, string? pattern = null, params string[] paths) =>
        InputDiscovery.Discover(new DiscoveryRequest(paths.Length == 0 ? [tree.Root] : paths, recursive, pattern, tree.Root));

    [Fact]
    public void Folder_scan_takes_video_extensions_only_in_ordinal_order()
    {
        using var tree = new TempTree("b.mov", "a.mp4", "notes.txt", "cover.jpg", "C.MKV");
        var found = Discover(tree);
        Assert.Equal([tree.PathOf("C.MKV"), tree.PathOf("a.mp4"), tree.PathOf("b.mov")], found.Select(input => input.Path));
        Assert.Equal(["C", "a", "b"], found.Select(input => input.OutputName));
    }

    [Fact]
    public void Folder_scan_without_recursive_ignores_subfolders()
    {
        using var tree = new TempTree("top.mp4", "sub/deep.mp4");
        Assert.Equal([tree.PathOf("top.mp4")], Discover(tree).Select(input => input.Path));
    }

    [Fact]
    public void Recursive_scan_keeps_relative_folders_in_output_names()
    {
        using var tree = new TempTree("top.mp4", "sub/deep.mp4", "sub/inner/clip.webm");
        var found = Discover(tree, recursive: true);
        Assert.Equal(["sub/deep", "sub/inner/clip", "top"], found.Select(input => input.OutputName));
    }

    [Fact]
    public void Pattern_filters_a_folder_scan()
    {
        using var tree = new TempTree("a.mp4", "b.mov", "sub/c.mov");
        var found = Discover(tree, recursive: true, pattern: "**/*.mov");
        Assert.Equal(["b", "sub/c"], found.Select(input => input.OutputName));
    }

    [Fact]
    public void Explicit_files_are_taken_whatever_their_extension_even_missing_ones()
    {
        using var tree = new TempTree("odd.bin");
        var found = Discover(tree, false, null, "odd.bin", "missing.mp4");
        Assert.Equal([tree.PathOf("odd.bin"), tree.PathOf("missing.mp4")], found.Select(input => input.Path));
    }

    [Fact]
    public void Glob_path_expands_to_matching_files()
    {
        using var tree = new TempTree("clips/one.mp4", "clips/two.mp4", "clips/three.mov");
        var found = Discover(tree, false, null, Path.Combine(tree.Root, "clips", "*.mp4"));
        Assert.Equal(["one", "two"], found.Select(input => input.OutputName));
    }

    [Fact]
    public void The_same_file_named_twice_is_one_input()
    {
        using var tree = new TempTree("a.mp4");
        Assert.Single(Discover(tree, false, null, "a.mp4", tree.PathOf("a.mp4"), tree.Root));
    }

    [Fact]
    public void Same_stem_different_extension_never_share_an_output_name()
    {
        using var tree = new TempTree("a.mp4", "a.avi", "b.mp4");
        var found = Discover(tree);
        Assert.Equal(["a_avi", "a_mp4", "b"], found.Select(input => input.OutputName));
    }

    [Fact]
    public void Same_name_from_two_folders_gets_a_counter()
    {
        using var tree = new TempTree("x/clip.mp4", "y/clip.mp4");
        var found = Discover(tree, false, null, "x/clip.mp4", "y/clip.mp4");
        Assert.Equal(["clip", "clip_2"], found.Select(input => input.OutputName));
    }
}
