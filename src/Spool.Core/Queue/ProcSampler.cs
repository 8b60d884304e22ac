using System.Globalization;

namespace Spool.Core.Queue;

/// <summary>This machine's CPU and memory use: what adaptive admission and the dashboard show. Tests swap this edge.</summary>
public interface ISystemSampler
{
    Task<SystemSample> SampleAsync(CancellationToken cancellationToken);
}

/// <summary>One reading; null where the machine does not say (no /proc).</summary>
public sealed record SystemSample(double? CpuPercent, long? MemoryTotalBytes, long? MemoryUsedBytes)
{
    public double? MemoryPercent => MemoryTotalBytes is > 0 && MemoryUsedBytes is { } used ? 100.0 * used / MemoryTotalBytes.Value : null;

    public double? MemoryTotalGb => MemoryTotalBytes is { } total ? total / 1024.0 / 1024.0 / 1024.0 : null;
}

/// <summary>
/// Reads /proc (Linux). CPU use is the busy share of all cores since the previous sample, over a window of at least
/// <see cref="MinimumWindow"/>: when the previous sample is younger (or there is none) it waits the window out, since
/// a share over a few milliseconds is noise, or no ticks at all. Callers polling slower than the window never wait.
/// </summary>
public sealed class ProcSampler : ISystemSampler
{
    public static readonly TimeSpan MinimumWindow = TimeSpan.FromMilliseconds(100);

    private readonly TimeProvider clock;
    private readonly Func<string, string?> read;
    private readonly Lock gate = new();
    private (CpuSample Sample, long At)? last;

    public ProcSampler(TimeProvider clock)
        : this(clock, ReadProc)
    {
    }

    /// <param name="clock">Times the window.</param>
    /// <param name="read">Reads a /proc file ("/proc/stat", "/proc/meminfo"); null when it cannot.</param>
    public ProcSampler(TimeProvider clock, Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(read);
        this.clock = clock;
        this.read = read;
    }

    public async Task<SystemSample> SampleAsync(CancellationToken cancellationToken)
    {
        var cpu = await CpuPercentAsync(cancellationToken);
        var memory = ParseMemory(read("/proc/meminfo"));
        return new SystemSample(cpu, memory?.Total, memory?.Used);
    }

    private async Task<double?> CpuPercentAsync(CancellationToken cancellationToken)
    {
        (CpuSample Sample, long At)? before;
        lock (gate)
        {
            before = last;
        }

        if (before is null)
        {
            if (ParseCpu(read("/proc/stat")) is not { } first)
            {
                return null;
            }

            before = (first, clock.GetTimestamp());
        }

        var wait = MinimumWindow - clock.GetElapsedTime(before.Value.At);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken);
        }

        if (ParseCpu(read("/proc/stat")) is not { } now)
        {
            return null;
        }

        lock (gate)
        {
            last = (now, clock.GetTimestamp());
        }

        return Busy(before.Value.Sample, now);
    }

    /// <summary>Busy share between two /proc/stat samples, in percent; null when no tick passed.</summary>
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
        var values = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToArray();
        return values is null || values.Length < 5 || values.Any(v => v < 0) ? null : new CpuSample(values.Sum(), values[3] + values[4]);
    }

    /// <summary>Total and used (total − available) bytes from /proc/meminfo, whose values are in kB.</summary>
    public static (long Total, long Used)? ParseMemory(string? meminfo)
    {
        long? Field(string name) => meminfo?.Split('\n')
            .Where(line => line.StartsWith(name + ":", StringComparison.Ordinal))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(parts => parts.Length > 1 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : (long?)null)
            .FirstOrDefault();
        return Field("MemTotal") is { } total and > 0 && Field("MemAvailable") is { } available ? (total, total - available) : null;
    }

    private static string? ReadProc(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>Cumulative CPU ticks of all cores, and how many of them were idle.</summary>
public sealed record CpuSample(long Total, long Idle);
