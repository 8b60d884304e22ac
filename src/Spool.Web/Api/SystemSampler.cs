using System.Globalization;
using Spool.Core.Queue;

namespace Spool.Web.Api;

/// <summary>
/// CPU and memory of this machine from /proc. CPU use is the busy share since the previous request (at least a
/// short window), so the dashboard's polling gives a running average without a sampling thread.
/// </summary>
internal sealed class SystemSampler(TimeProvider clock)
{
    private static readonly TimeSpan MinimumWindow = TimeSpan.FromMilliseconds(100);
    private readonly Lock _gate = new();
    private (CpuSample Sample, long At)? _last;

    public async Task<double?> CpuPercentAsync(CancellationToken cancellationToken)
    {
        var now = ResourceAdmission.ParseCpu(await ReadAsync("/proc/stat", cancellationToken));
        (CpuSample Sample, long At)? previous;
        lock (_gate)
        {
            previous = _last;
        }

        if (now is null)
        {
            return null;
        }

        if (previous is not { } before || clock.GetElapsedTime(before.At) < MinimumWindow)
        {
            await Task.Delay(MinimumWindow, clock, cancellationToken);
            before = (now, 0);
            now = ResourceAdmission.ParseCpu(await ReadAsync("/proc/stat", cancellationToken)) ?? now;
        }

        lock (_gate)
        {
            _last = (now, clock.GetTimestamp());
        }

        return ResourceAdmission.Busy(before.Sample, now) is { } busy ? Math.Round(busy, 1) : null;
    }

    public static async Task<(long Total, long Used)?> MemoryAsync(CancellationToken cancellationToken) =>
        ParseMemory(await ReadAsync("/proc/meminfo", cancellationToken));

    /// <summary>Total and used (total − available) bytes from /proc/meminfo, whose values are in kB.</summary>
    public static (long Total, long Used)? ParseMemory(string? meminfo)
    {
        long? Field(string name) => meminfo?.Split('\n')
            .Where(line => line.StartsWith(name + ":", StringComparison.Ordinal))
            .Select(line => (long?)long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024)
            .FirstOrDefault();
        return Field("MemTotal") is { } total && Field("MemAvailable") is { } available ? (total, total - available) : null;
    }

    private static async Task<string?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
