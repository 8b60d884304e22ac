using Spool.Core.Presets;
using Spool.Core.Queue;
using Spool.Media.Probing;

namespace Spool.Core.Tests.Queue;

public sealed class WorkCostTests
{
    private static MediaInfo Source(int width, int height, double seconds) =>
        new("/in/a.mp4", "mp4", seconds, 1, 1,
            [new VideoStreamInfo(0, "h264", width, height, Rational.One, "yuv420p", 8, new Rational(30, 1), false, 0, false, null, null, false, seconds, null)],
            [], 0, []);

    [Fact]
    public void Longer_bigger_and_slower_work_costs_more()
    {
        var web = PresetCatalog.BuiltIn.Find("web_optimized")!;
        var archival = PresetCatalog.BuiltIn.Find("archival")!;
        Assert.Equal(10 * 2.0736 * 1.0, WorkCost.Estimate(Source(1920, 1080, 10), web), 6);
        Assert.True(WorkCost.Estimate(Source(1920, 1080, 10), archival) > WorkCost.Estimate(Source(1920, 1080, 10), web));
        Assert.True(WorkCost.Estimate(Source(3840, 2160, 10), web) > WorkCost.Estimate(Source(1920, 1080, 10), web));
        Assert.True(WorkCost.Estimate(Source(1920, 1080, 60), web) > WorkCost.Estimate(Source(1920, 1080, 10), web));
    }

    [Fact]
    public void An_input_that_could_not_be_probed_costs_nothing_and_runs_last()
    {
        Assert.Equal(0, WorkCost.Estimate(null, PresetCatalog.BuiltIn.Default));
    }
}
