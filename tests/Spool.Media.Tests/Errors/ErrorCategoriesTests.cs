using Spool.Media.Errors;

namespace Spool.Media.Tests.Errors;

/// <summary>DESIGN.md's error categories: exact wire names, which ones are retried, and a hint for each.</summary>
public sealed class ErrorCategoriesTests
{
    private static readonly string[] DesignOrder =
    [
        "input_missing", "input_corrupt", "not_a_file", "no_video_stream", "not_a_video", "unsupported", "encoder_unavailable",
        "disk_full", "permission_denied", "output_unwritable", "timeout", "stalled", "cancelled", "qc_failed", "worker_crashed",
        "ffmpeg_failed", "internal",
    ];

    [Fact]
    public void Every_category_of_design_md_has_its_wire_name_in_order()
    {
        Assert.Equal(DesignOrder, Enum.GetValues<ErrorCategory>().Select(category => category.ToWireName()));
        Assert.All(DesignOrder, name => Assert.Equal(name, ErrorCategories.FromWireName(name).ToWireName()));
    }

    [Fact]
    public void Only_what_may_pass_on_a_second_run_is_transient()
    {
        var transient = Enum.GetValues<ErrorCategory>().Where(category => category.IsTransient()).Select(category => category.ToWireName());

        Assert.Equal(["disk_full", "timeout", "stalled", "ffmpeg_failed"], transient);
    }

    [Fact]
    public void Every_category_has_its_own_one_line_hint()
    {
        var hints = Enum.GetValues<ErrorCategory>().Select(category => category.DefaultHint()).ToList();

        Assert.All(hints, hint => Assert.False(string.IsNullOrWhiteSpace(hint) || hint.Contains('\n', StringComparison.Ordinal)));
        Assert.Equal(hints.Count, hints.Distinct(StringComparer.Ordinal).Count());
    }
}
