using System.Globalization;

namespace Spool.Core.Queue;

/// <summary>
/// Who this process is, for leases, and whether another holder on this host is still alive: a process id alone is
/// not enough (ids are reused), so the holder's start time from /proc must match too.
/// </summary>
public static class ProcessIdentity
{
    public static LeaseHolder Current(string role)
    {
        var pid = Environment.ProcessId;
        var host = Environment.MachineName;
        return new LeaseHolder($"{host}:{pid}:{role}:{Guid.NewGuid():N}", host, pid, StartTicks(pid) ?? 0);
    }

    /// <summary>True unless the holder is on this host and its process is gone (or is another process with its id).</summary>
    public static bool IsAlive(LeaseHolder holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        if (!string.Equals(holder.Host, Environment.MachineName, StringComparison.Ordinal))
        {
            return true;
        }

        var start = StartTicks(holder.ProcessId);
        return start is { } ticks && (holder.ProcessStartTicks == 0 || ticks == holder.ProcessStartTicks);
    }

    // Field 22 of /proc/<pid>/stat: start time in clock ticks after boot. The command name (field 2) may hold
    // spaces and parentheses, so fields are counted from the last ')'. A zombie (state Z or X) is dead: a killed
    // process whose parent has not reaped it (as in a container whose init never reaps) still has a /proc entry.
    private static long? StartTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[0] is "Z" or "X" ? null : long.Parse(fields[19], CultureInfo.InvariantCulture);
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
