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
        Assert.Equal(Check.PlanHash(one.Separate[0], one.Outputs[0].PartialPath), Check.PlanHash(two.Separate[0], two.Outputs[0].PartialPath));
    }

    [Fact]
    public void Another_quality_is_another_hash()
    {
        var medium = Expected.Plan(Sources.Media(Sources.Video(1920, 1080)), "web_optimized");
        var high = Expected.Plan(Sources.Media(Sources.Video(1920, 1080)), PlanOptions.Default with { Quality = QualityLevel.High }, "web_optimized");

        Assert.NotEqual(Check.PlanHash(medium.Separate[0], medium.Outputs[0].PartialPath), Check.PlanHash(high.Separate[0], high.Outputs[0].PartialPath));
    }
}
