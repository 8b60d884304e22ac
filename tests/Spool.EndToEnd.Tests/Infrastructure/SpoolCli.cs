namespace Spool.EndToEnd.Tests.Infrastructure;

/// <summary>Runs ./spool at the repository root the way a user would.</summary>
public static class SpoolCli
{
    public static Task<ToolResult> RunAsync(params string[] arguments) => RunInAsync(RepoPaths.Root, arguments);

    public static async Task<ToolResult> RunInAsync(string workingDirectory, params string[] arguments)
    {
        var result = await ToolRun.RunAsync(RepoPaths.Launcher, arguments, workingDirectory);
        if (result.ExitCode == 3 && result.Stderr.Contains("spool: build failed", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("./spool could not build the CLI, so no end-to-end test can run.\n" + result.Describe());
        }

        return result;
    }
}
