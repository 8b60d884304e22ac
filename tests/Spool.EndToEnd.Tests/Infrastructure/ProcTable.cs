using System.Globalization;

namespace Spool.EndToEnd.Tests.Infrastructure;

/// <summary>One line of /proc/PID/stat: enough to tell which program a process runs and which group it belongs to.</summary>
public sealed record ProcEntry(int Pid, string Comm, char State, int ParentPid, int GroupId);

/// <summary>Reads the process table from /proc, the witness for "which ffmpeg processes are running right now".</summary>
public static class ProcTable
{
    public static IReadOnlyList<ProcEntry> All()
    {
        var entries = new List<ProcEntry>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    public static IReadOnlyList<ProcEntry> InGroup(int groupId) => All().Where(entry => entry.GroupId == groupId).ToList();

    /// <summary>Live (not zombie) ffmpeg processes; within one process group when <paramref name="groupId"/> is given.</summary>
    public static int CountFfmpeg(int? groupId = null) =>
        All().Count(entry => entry.Comm == "ffmpeg" && entry.State != 'Z' && (groupId is null || entry.GroupId == groupId));

    public static int? GroupOf(int pid) => Read(pid)?.GroupId;

    /// <summary>Live ffmpeg processes whose command line mentions <paramref name="text"/> (a test's temp folder), in any group.</summary>
    public static IReadOnlyList<string> FfmpegMentioning(string text) => All()
        .Where(entry => entry.Comm == "ffmpeg" && entry.State != 'Z')
        .Select(entry => CommandLine(entry.Pid))
        .Where(line => line.Contains(text, StringComparison.Ordinal))
        .ToList();

    /// <summary>The process's arguments joined by spaces; empty when it is gone.</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline").Replace('\0', ' ');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    // "pid (comm) state ppid pgrp ...": the command name may hold spaces and parentheses, so fields count from the last ')'.
    private static ProcEntry? Read(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var open = stat.IndexOf('(', StringComparison.Ordinal);
        var close = stat.LastIndexOf(')');
        if (open < 0 || close < open)
        {
            return null;
        }

        var fields = stat[(close + 2)..].Split(' ');
        return new ProcEntry(
            pid,
            stat[(open + 1)..close],
            fields[0][0],
            int.Parse(fields[1], CultureInfo.InvariantCulture),
            int.Parse(fields[2], CultureInfo.InvariantCulture));
    }
}
