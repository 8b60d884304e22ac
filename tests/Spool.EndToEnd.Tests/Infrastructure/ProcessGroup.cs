using System.Globalization;

namespace Spool.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A program started by setsid as the leader of a new session and process group (its pid is the group id), so the
/// whole group, children included, can be killed at once with SIGKILL.
/// </summary>
public sealed class ProcessGroup : IDisposable
{
    private readonly RunningTool _tool;

    private ProcessGroup(RunningTool tool)
    {
        _tool = tool;
    }

    public int GroupId => _tool.ProcessId;

    public RunningTool Tool => _tool;

    public bool HasExited => _tool.HasExited;

    public static async Task<ProcessGroup> StartAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        // setsid runs the program in place (no fork) when the caller is not a group leader, which a child of the test
        // host never is; -w would make a forking setsid wait and pass on the exit code all the same.
        var tool = RunningTool.Start("setsid", ["-w", program, .. arguments], environment: environment);
        var group = new ProcessGroup(tool);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (ProcTable.GroupOf(tool.ProcessId) is { } pgid && pgid != tool.ProcessId && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        if (!tool.HasExited && ProcTable.GroupOf(tool.ProcessId) is { } found && found != tool.ProcessId)
        {
            group.Dispose();
            throw new InvalidOperationException($"`{tool.CommandLine}` did not become a process group leader (group {found}).");
        }

        return group;
    }

    /// <summary>SIGKILL to every process of the group, then waits until none is left and the leader is reaped.</summary>
    public async Task<ToolResult> KillAsync()
    {
        var kill = await ToolRun.RunAsync("kill", ["-s", "KILL", "--", "-" + GroupId.ToString(CultureInfo.InvariantCulture)]);
        var left = ProcTable.InGroup(GroupId);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (left.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            left = ProcTable.InGroup(GroupId);
        }

        var run = await _tool.WaitAsync(TimeSpan.FromSeconds(30));
        if (left.Any(process => process.State != 'Z'))
        {
            throw new InvalidOperationException(
                $"Processes of group {GroupId} survived SIGKILL ({kill.Describe()}): " + string.Join(", ", left.Select(p => $"{p.Pid} {p.Comm}")));
        }

        return run;
    }

    public Task<ToolResult> WaitAsync(TimeSpan limit) => _tool.WaitAsync(limit);

    /// <summary>True when the leader exits within <paramref name="wait"/>; false (still running) otherwise.</summary>
    public async Task<bool> ExitsWithinAsync(TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (!_tool.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return _tool.HasExited;
    }

    /// <summary>Leaves nothing of the group running behind a failed test.</summary>
    public void Dispose()
    {
        if (!_tool.HasExited)
        {
            using var kill = System.Diagnostics.Process.Start("kill", ["-s", "KILL", "--", "-" + GroupId.ToString(CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }

        _tool.Dispose();
    }
}
