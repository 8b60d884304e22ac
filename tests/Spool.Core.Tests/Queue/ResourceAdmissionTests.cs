using Spool.Core.Queue;

namespace Spool.Core.Tests.Queue;

public sealed class ResourceAdmissionTests
{
    [Fact]
    public void Cpu_busy_share_comes_from_two_proc_stat_samples_counting_iowait_as_idle()
    {
        var earlier = ResourceAdmission.ParseCpu("cpu  100 0 100 700 100 0 0 0 0 0\ncpu0 1 2 3 4 5\n")!;
        var later = ResourceAdmission.ParseCpu("cpu  250 0 150 800 100 0 0 0 0 0\n")!;
        Assert.Equal(new CpuSample(1000, 800), earlier);
        Assert.Equal(200.0 / 300 * 100, ResourceAdmission.Busy(earlier, later)!.Value, 6);
    }

    [Fact]
    public void Memory_use_is_what_is_not_available()
    {
        var meminfo = "MemTotal:       1000000 kB\nMemFree:         100000 kB\nMemAvailable:    250000 kB\n";
        Assert.Equal(75.0, ResourceAdmission.MemoryPercent(meminfo)!.Value, 6);
        Assert.Null(ResourceAdmission.MemoryPercent("nothing here"));
    }

    [Fact]
    public void One_item_may_always_run_and_the_memory_cap_bounds_the_rest()
    {
        var admission = new ResourceAdmission(cpuThreshold: 0, memoryThreshold: 0, maxMemoryGb: 1.6);
        Assert.True(admission.CanAdmit(0));
        Assert.False(admission.CanAdmit(1));
        var roomy = new ResourceAdmission(cpuThreshold: 101, memoryThreshold: 101, maxMemoryGb: 1.6);
        Assert.True(roomy.CanAdmit(1));
        Assert.False(roomy.CanAdmit(2));
    }
}
