namespace Spool.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Runs ./spool at the repository root the way a user would, with a job store of its own: SPOOL_HOME is a folder the
/// caller owns and SPOOL_STORE is unset, so no test reads or writes ~/.local/share/spool or sees another test's batches.
/// </summary>
public sealed class SpoolCli
{
    public SpoolCli(string home)
    {
        Directory.CreateDirectory(home);
        Home = home;
        Environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["SPOOL_HOME"] = home, ["SPOOL_STORE"] = null };
    }

    public string Home { get; }

    /// <summary>What every spool run gets: this store and no other.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>A store in a folder of <paramref name="temp"/>, deleted with it.</summary>
    public static SpoolCli In(TempFolder temp)
    {
        ArgumentNullException.ThrowIfNull(temp);
        return new SpoolCli(temp.Combine("spool-home"));
    }

    public Task<ToolResult> RunAsync(params string[] arguments) => RunInAsync(RepoPaths.Root, arguments);

    public async Task<ToolResult> RunInAsync(string workingDirectory, params string[] arguments) =>
        ThrowIfBuildFailed(await ToolRun.RunAsync(RepoPaths.Launcher, arguments, workingDirectory, environment: Environment));

    /// <summary>Starts spool and returns at once, for tests that act on it while it runs (interrupt it, watch it).</summary>
    public RunningTool Start(params string[] arguments) => RunningTool.Start(RepoPaths.Launcher, arguments, environment: Environment);

    /// <summary>
    /// Starts spool in a process group of its own (through setsid), so that a test can SIGKILL it together with its
    /// ffmpeg children, as a power cut or the OOM killer would.
    /// </summary>
    public Task<ProcessGroup> StartGroupAsync(params string[] arguments) => ProcessGroup.StartAsync(RepoPaths.Launcher, arguments, Environment);

    public static ToolResult ThrowIfBuildFailed(ToolResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.ExitCode == 3 && result.Stderr.Contains("spool: build failed", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("./spool could not build the CLI, so no end-to-end test can run.\n" + result.Describe());
        }

        return result;
    }
}
