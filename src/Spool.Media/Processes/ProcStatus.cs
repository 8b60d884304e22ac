using System.Globalization;

namespace Spool.Media.Processes;

/// <summary>Reads /proc/PID/status (Linux).</summary>
public static class ProcStatus
{
    /// <summary>VmHWM, the process's peak resident set, in bytes; null when the line is missing or malformed.</summary>
    public static long? PeakResidentBytes(string? status)
    {
        var line = status?.Split('\n').FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var parts = line?.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return parts is [_, var number, "kB"] && long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var kb)
            ? kb * 1024
            : null;
    }
}
