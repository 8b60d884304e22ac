using System.Diagnostics;
using System.Globalization;
using Spool.Core.Queue;

namespace Spool.Core.Tests.Queue;

/// <summary>The one /proc sampler (admission and the dashboard) and the measurement admission takes before a claim.</summary>
public sealed class ResourceAdmissionTests
{
    [Fact]
    public void Cpu_busy_share_comes_from_two_proc_stat_samples_counting_iowait_as_idle()
    {
        var earlier = ProcSampler.ParseCpu("cpu  100 0 100 700 100 0 0 0 0 0\ncpu0 1 2 3 4 5\n")!;
        var later = ProcSampler.ParseCpu("cpu  250 0 150 800 100 0 0 0 0 0\n")!;
        Assert.Equal(new CpuSample(1000, 800), earlier);
        Assert.Equal(200.0 / 300 * 100, ProcSampler.Busy(earlier, later)!.Value, 6);
        Assert.Null(ProcSampler.Busy(later, later));
        Assert.Null(ProcSampler.ParseCpu("cpu  1 2 x 4 5\n"));
    }

    [Fact]
    public void Memory_use_is_what_is_not_available()
    {
        var memory = ProcSampler.ParseMemory("MemTotal:       1000000 kB\nMemFree:         100000 kB\nMemAvailable:    250000 kB\n");

        Assert.Equal((1_024_000_000L, 768_000_000L), memory);
        Assert.Equal(75.0, new SystemSample(null, memory!.Value.Total, memory.Value.Used).MemoryPercent!.Value, 6);
        Assert.Null(ProcSampler.ParseMemory("nothing here"));
    }

    [Fact]
    public async Task Back_to_back_samples_each_measure_cpu_over_a_full_window()
    {
        var proc = new ScriptedProc();
        var sampler = new ProcSampler(TimeProvider.System, proc.Read);
        var clock = Stopwatch.StartNew();

        var first = await sampler.SampleAsync(CancellationToken.None);
        var second = await sampler.SampleAsync(CancellationToken.None);

        Assert.Equal((100.0, 100.0), (first.CpuPercent, second.CpuPercent));
        Assert.True(clock.Elapsed >= 2 * ProcSampler.MinimumWindow - TimeSpan.FromMilliseconds(5), $"two samples took {clock.Elapsed}");
        Assert.Equal(3, proc.StatReads);
        Assert.Equal(50.0, first.MemoryPercent);
    }

    [Fact]
    public async Task A_sampler_polled_slower_than_its_window_does_not_wait()
    {
        var proc = new ScriptedProc();
        var sampler = new ProcSampler(TimeProvider.System, proc.Read);
        await sampler.SampleAsync(CancellationToken.None);
        await Task.Delay(ProcSampler.MinimumWindow * 2);
        var clock = Stopwatch.StartNew();

        var later = await sampler.SampleAsync(CancellationToken.None);

        Assert.Equal(100.0, later.CpuPercent);
        Assert.True(clock.Elapsed < ProcSampler.MinimumWindow, $"waited {clock.Elapsed}");
    }

    [Fact]
    public async Task Without_proc_nothing_is_measured()
    {
        var sample = await new ProcSampler(TimeProvider.System, _ => null).SampleAsync(CancellationToken.None);

        Assert.Equal(new SystemSample(null, null, null), sample);
    }

    [Fact]
    public async Task A_worker_that_runs_nothing_is_admitted_without_a_sample()
    {
        var sampler = new FixedSampler(new SystemSample(100, 16L << 30, 8L << 30));
        var admission = new ResourceAdmission(sampler);

        Assert.Equal(MachineLoad.Idle, await admission.MeasureAsync(0, CancellationToken.None));
        Assert.Equal(0, sampler.Calls);
        Assert.Equal(new MachineLoad(2, 100, 50, 16), await admission.MeasureAsync(2, CancellationToken.None));
        Assert.Equal(1, sampler.Calls);
    }

    /// <summary>/proc as a fully busy machine shows it: every read of /proc/stat is ten more busy ticks and no idle ones.</summary>
    private sealed class ScriptedProc
    {
        private long busy = 1000;

        public int StatReads { get; private set; }

        public string? Read(string path)
        {
            if (path == "/proc/meminfo")
            {
                return "MemTotal:       2000000 kB\nMemAvailable:   1000000 kB\n";
            }

            StatReads++;
            busy += 10;
            return string.Create(CultureInfo.InvariantCulture, $"cpu  {busy} 0 0 500 0 0 0 0 0 0\n");
        }
    }
}

/// <summary>A sampler that always reads the same; counts how often it was asked.</summary>
internal sealed class FixedSampler(SystemSample sample) : ISystemSampler
{
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public Task<SystemSample> SampleAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        return Task.FromResult(sample);
    }
}
