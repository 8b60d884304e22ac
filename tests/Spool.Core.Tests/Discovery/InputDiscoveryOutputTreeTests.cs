using Spool.Core.Discovery;

namespace Spool.Core.Tests.Discovery;

/// <summary>
/// Issue 11: a second `process . --recursive` re-ingested the first run's batch_output and nested it
/// (batch_output/batch_output/…). Spool's own output trees (a folder holding ".spool-output") and the batch's own
/// --output folder, even before it exists, are never scanned for inputs.
/// </summary>
public sealed class InputDiscoveryOutputTreeTests
{
    private static IReadOnlyList<string> Found(TempTree tree, bool recursive, string? output = null, string? pattern = null, params string[] paths) =>
        InputDiscovery.Discover(new DiscoveryRequest(paths.Length == 0 ? [tree.Root] : paths, recursive, pattern, tree.Root) { OutputDirectory = output })
            .Select(input => input.Path)
            .ToList();

    [Fact]
    public void Folder_holding_the_output_marker_is_skipped_with_everything_under_it()
    {
        using var tree = new TempTree("a.mp4", "old/.spool-output", "old/a/video/a_web_optimized.mp4", "old/summary/x.mp4", "keep/b.mp4");

        Assert.Equal([tree.PathOf("a.mp4"), tree.PathOf("keep/b.mp4")], Found(tree, recursive: true));
    }

    [Fact]
    public void Output_marker_in_a_subfolder_does_not_hide_its_siblings_or_parent()
    {
        using var tree = new TempTree("x/a.mp4", "x/out/.spool-output", "x/out/a/video/a_auto.mp4", "x/y/c.mp4");

        Assert.Equal([tree.PathOf("x/a.mp4"), tree.PathOf("x/y/c.mp4")], Found(tree, recursive: true));
    }

    [Fact]
    public void The_batch_output_folder_is_skipped_even_without_a_marker()
    {
        using var tree = new TempTree("a.mp4", "batch_output/a/video/a_auto.mp4");

        Assert.Equal([tree.PathOf("a.mp4")], Found(tree, recursive: true, output: tree.PathOf("batch_output")));
    }

    [Fact]
    public void The_batch_output_folder_is_skipped_when_named_through_a_trailing_slash_or_dot_segments()
    {
        using var tree = new TempTree("a.mp4", "out/a/video/a_auto.mp4");

        Assert.Equal([tree.PathOf("a.mp4")], Found(tree, recursive: true, output: tree.Root + "/./out/"));
    }

    [Fact]
    public void Output_trees_are_skipped_by_a_pattern_and_by_a_glob_path()
    {
        using var tree = new TempTree("a.mp4", "old/.spool-output", "old/a/video/a_auto.mp4");

        Assert.Equal([tree.PathOf("a.mp4")], Found(tree, recursive: true, pattern: "**/*.mp4"));
        Assert.Equal([tree.PathOf("a.mp4")], Found(tree, recursive: false, paths: tree.Root + "/**/*.mp4"));
    }

    [Fact]
    public void A_file_named_explicitly_inside_an_output_tree_is_still_taken()
    {
        using var tree = new TempTree("old/.spool-output", "old/a/video/a_auto.mp4");

        Assert.Equal([tree.PathOf("old/a/video/a_auto.mp4")], Found(tree, recursive: false, paths: tree.PathOf("old/a/video/a_auto.mp4")));
    }
}
