using System.Globalization;

namespace Spool.Core.Queue;

/// <summary>
/// The adaptive strategy: a new work item starts only while CPU use is under <see cref="CpuThreshold"/> % and memory
/// use under <see cref="MemoryThreshold"/> %, both read from /proc; with a memory cap, only while the estimated memory
/// of the running items stays under it. One item may always run, so a busy machine slows a batch but never stalls it.
/// </summary>
public sealed class ResourceAdmission(double cpuThreshold, double memoryThreshold, double? maxMemoryGb) : IAdmission
{
    /// <summary>What one ffmpeg work item is assumed to hold: a 1080p decode, a split and two or three x264 encoders.</summary>
    public const double EstimatedGbPerItem = 0.75;

    private readonly Lock _gate = new();
    private CpuSample? _last;

    public double CpuThreshold { get; } = cpuThreshold;

    public double MemoryThreshold { get; } = memoryThreshold;

    public bool CanAdmit(int running)
    {
        if (running == 0)
        {
            return true;
        }

        if (maxMemoryGb is { } cap && (running + 1) * EstimatedGbPerItem > cap)
        {
            return false;
        }

        var cpu = CpuPercent();
        var memory = MemoryPercent(SafeRead("/proc/meminfo"));
        return (cpu is null || cpu < CpuThreshold) && (memory is null || memory < MemoryThreshold);
    }

    private double? CpuPercent()
    {
        var sample = ParseCpu(SafeRead("/proc/stat"));
        lock (_gate)
        {
            var previous = _last;
            _last = sample;
            return previous is { } a && sample is { } b ? Busy(a, b) : null;
        }
    }

    /// <summary>Busy share between two /proc/stat samples, in percent.</summary>
    public static double? Busy(CpuSample earlier, CpuSample later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        var total = later.Total - earlier.Total;
        return total <= 0 ? null : 100.0 * (total - (later.Idle - earlier.Idle)) / total;
    }

    /// <summary>The aggregate "cpu" line of /proc/stat: idle includes iowait.</summary>
    public static CpuSample? ParseCpu(string? stat)
    {
        var line = stat?.Split('\n').FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        var values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return values.Length < 5 ? null : new CpuSample(values.Sum(), values[3] + values[4]);
    }

    /// <summary>Used memory in percent from /proc/meminfo: 100 × (1 − MemAvailable / MemTotal).</summary>
    public static double? MemoryPercent(string? meminfo)
    {
        long? Field(string name) => meminfo?.Split('\n')
            .Where(line => line.StartsWith(name + ":", StringComparison.Ordinal))
            .Select(line => (long?)long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture))
            .FirstOrDefault();
        return Field("MemTotal") is { } total and > 0 && Field("MemAvailable") is { } available
            ? 100.0 * (1 - (double)available / total)
            : null;
    }

    /// <summary>The machine's memory in GB (MemTotal), the smart strategy's cap when none is given.</summary>
    public static double? TotalMemoryGb()
    {
        var line = SafeRead("/proc/meminfo")?.Split('\n').FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
    }

    private static string? SafeRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

public sealed record CpuSample(long Total, long Idle);
