using Spool.Core.Operations;
using Spool.Core.Reporting;

namespace Spool.Core.Tests.Reporting;

public sealed class ResourcePeaksTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static JobResult Job(double from, double to, double? cpu, long? memory) =>
        new("/in/a.mp4", "p" + from, JobStatus.Succeeded, "/out/a.mp4", 1, T0.AddSeconds(from), T0.AddSeconds(to), null, null)
        {
            CpuSeconds = cpu,
            PeakMemoryBytes = memory,
        };

    [Fact]
    public void Overlapping_jobs_add_up_and_back_to_back_jobs_do_not()
    {
        // 0-10 s at 150 % and 200 MB; 5-15 s at 100 % and 300 MB; 15-20 s at 400 % and 100 MB (starts as the second ends).
        var (cpu, memory) = ResourcePeaks.Of([Job(0, 10, 15, 200_000_000), Job(5, 15, 10, 300_000_000), Job(15, 20, 20, 100_000_000)]);

        Assert.Equal(400, cpu!.Value, 6);
        Assert.Equal(500_000_000, memory);
    }

    [Fact]
    public void Jobs_without_measurements_or_timing_give_no_peaks()
    {
        var unstarted = new JobResult("/in/b.mp4", "web", JobStatus.Skipped, null, 0, null, null, null, null);

        Assert.Equal((null, null), ResourcePeaks.Of([Job(0, 10, null, null), unstarted]));
    }
}
