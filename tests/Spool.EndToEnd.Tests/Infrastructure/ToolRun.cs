using System.Diagnostics;
using System.Text;

namespace Spool.EndToEnd.Tests.Infrastructure;

/// <summary>What one finished process left: its exit code and everything it printed.</summary>
public sealed record ToolResult(string CommandLine, int ExitCode, string Stdout, string Stderr)
{
    public string Describe() => $"`{CommandLine}` exited {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// Runs a program with ArgumentList (no shell), drains both streams, and kills the whole process tree when it runs
/// past its limit: a hang fails the test instead of hanging the suite.
/// </summary>
public static class ToolRun
{
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromMinutes(5);

    public static async Task<ToolResult> RunAsync(
        string program, IEnumerable<string> arguments, string? workingDirectory = null, TimeSpan? limit = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var running = RunningTool.Start(program, arguments, workingDirectory, environment);
        return await running.WaitAsync(limit ?? DefaultLimit);
    }
}

/// <summary>A started process whose output is being drained; for tests that act on it while it runs.</summary>
public sealed class RunningTool : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;
    private readonly StringBuilder _stdoutSoFar = new();

    private RunningTool(Process process, string commandLine)
    {
        _process = process;
        CommandLine = commandLine;
        _process.StandardInput.Close();
        _stdout = PumpAsync(_process.StandardOutput, _stdoutSoFar);
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    public string CommandLine { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What the process has printed to stdout so far, while it runs.</summary>
    public string StdoutSoFar
    {
        get
        {
            lock (_stdoutSoFar)
            {
                return _stdoutSoFar.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="program"/>; <paramref name="environment"/> sets variables, and a null value removes one.</summary>
    public static RunningTool Start(string program, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var commandLine = program + " " + string.Join(' ', start.ArgumentList.Select(Quote));
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {commandLine}");
        return new RunningTool(process, commandLine);
    }

    public async Task<ToolResult> WaitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            throw new TimeoutException(
                $"`{CommandLine}` did not finish within {limit.TotalSeconds} s and was killed.\n--- stdout ---\n{await _stdout}\n--- stderr ---\n{await _stderr}");
        }

        return new ToolResult(CommandLine, _process.ExitCode, await _stdout, await _stderr);
    }

    /// <summary>Leaves nothing running behind a failed test.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static async Task<string> PumpAsync(StreamReader reader, StringBuilder sink)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (sink)
            {
                sink.Append(buffer, 0, read);
            }
        }

        lock (sink)
        {
            return sink.ToString();
        }
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./:=,+".Contains(c, StringComparison.Ordinal))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
