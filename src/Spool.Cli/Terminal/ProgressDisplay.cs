using Spectre.Console;
using Spool.Core.Operations;

namespace Spool.Cli.Terminal;

/// <summary>Chooses the view: Spectre bars on a terminal, plain lines when redirected, nothing with --quiet.</summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(bool quiet, Func<IBatchObserver, Task<T>> run)
    {
        if (quiet)
        {
            return await run(new SilentObserver());
        }

        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await run(new PlainObserver(Console.Out));
        }

        return await AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(context => run(new SpectreObserver(context)));
    }
}
