using System.CommandLine;
using System.Runtime.InteropServices;
using Spool.Cli.Commands;

namespace Spool.Cli;

/// <summary>
/// Builds the command tree and runs it. Usage errors exit 2 with the parser's message (it names the flag), an
/// unusable environment 3, a bug (any other exception) 4 with one line and no stack trace; the first Ctrl+C or
/// SIGTERM cancels the run cleanly (exit 130), a second Ctrl+C exits at once.
/// </summary>
internal static class SpoolApp
{
    public static Task<int> RunAsync(string[] args) => RunAsync(args, CommandCatalog.All());

    /// <summary>Runs <paramref name="args"/> against <paramref name="commands"/>: the catalog, or a test's own command.</summary>
    public static async Task<int> RunAsync(string[] args, IEnumerable<Command> commands)
    {
        var root = new RootCommand("Spool: batch video processing on FFmpeg. Probe, plan, transcode, verify, report.");
        foreach (var command in commands)
        {
            root.Subcommands.Add(command);
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync("spool: " + error.Message);
            }

            await Console.Error.WriteLineAsync("Run 'spool --help' for usage.");
            return ExitCodes.Usage;
        }

        using var interrupt = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            interrupt.Cancel();
        });
        var presses = 0;
        Console.CancelKeyPress += (_, e) =>
        {
            if (Interlocked.Increment(ref presses) > 1)
            {
                return;
            }

            e.Cancel = true;
            Console.Error.WriteLine("Interrupted: stopping running jobs (press Ctrl+C again to exit at once)...");
            interrupt.Cancel();
        };

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false }, interrupt.Token);
        }
        catch (UsageException usage)
        {
            await Console.Error.WriteLineAsync("spool: " + usage.Message);
            return ExitCodes.Usage;
        }
        catch (EnvironmentException environment)
        {
            await Console.Error.WriteLineAsync("spool: " + environment.Message);
            return ExitCodes.Environment;
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
        catch (Exception bug)
        {
            // A bug: say so in one line, without a stack trace at the user.
            await Console.Error.WriteLineAsync($"spool: internal error ({bug.GetType().Name}): {bug.Message}. This is a bug in Spool; please report it.");
            return ExitCodes.Internal;
        }
    }
}
