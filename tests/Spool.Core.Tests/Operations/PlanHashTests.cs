using Spool.Core.Operations;
using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Core.Tests.Planning;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Operations;

/// <summary>The up-to-date check's plan hash: what the output is, not how many threads made it.</summary>
public sealed class PlanHashTests
{
    private static readonly UpToDate Check = new(
        new Prober(new ProcessRunner(), "ffprobe"),
        new NoWorkFence(),
        new BatchSettings([PresetCatalog.BuiltIn.Find("web_optimized")!], PlanOptions.Default, "/out", 2, ErrorHandling.Continue, 2));

    [Fact]
    public void The_same_output_planned_with_other_thread_counts_has_the_same_hash()
    {
        var one = Expected.Plan(Sources.Media(Sources.Video(1920, 1080)), PlanOptions.Default with { ThreadsPerJob = 1 }, "web_optimized");
        var two = Expected.Plan(Sources.Media(Sources.Video(1920, 1080)), PlanOptions.Default with { ThreadsPerJob = 2 }, "web_optimized");

        Assert.NotEqual(Expected.Tokens(one.Separate[0]), Expected.Tokens(two.Separate[0]));
        Assert.Equal(Check.PlanHash(one.Separate[0]), Check.PlanHash(two.Separate[0]));
    }

    [Fact]
    public void Another_quality_is_another_hash()
    {
        var medium = Expected.Plan(Sources.Media(Sources.Video(1920, 1080)), "web_optimized");
        var high = Expected.Plan(Sources.Media(Sources.Video(1920, 1080)), PlanOptions.Default with { Quality = QualityLevel.High }, "web_optimized");

        Assert.NotEqual(Check.PlanHash(medium.Separate[0]), Check.PlanHash(high.Separate[0]));
    }

    [Fact]
    public void An_unchanged_job_with_its_report_thumbnail_has_the_same_hash_under_another_lease()
    {
        var options = PlanOptions.Default with { ReportThumbnails = true };
        var source = Sources.Media(Sources.Video(1920, 1080));
        WorkPlan Leased(string tag) => Assert.IsType<PlanOutcome.Planned>(WorkPlanner.Plan(source, [Expected.Preset("web_optimized")], options,
            Expected.Target with { PartialTags = new Dictionary<string, string>(StringComparer.Ordinal) { ["web_optimized"] = tag } })).Plan;

        var first = Leased("partial-4-1");
        var second = Leased("partial-9-2");

        Assert.Contains("file:/out/clip/video/clip_web_optimized.partial-4-1.jpg", Expected.Tokens(first.Separate[0]));
        Assert.Equal(Check.PlanHash(first.Separate[0]), Check.PlanHash(second.Separate[0]));
    }
}
