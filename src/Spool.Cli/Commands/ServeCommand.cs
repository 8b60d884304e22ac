using System.CommandLine;
using Spool.Core.Queue;
using Spool.Media.Processes;
using Spool.Web;

namespace Spool.Cli.Commands;

/// <summary>
/// spool serve: the dashboard and HTTP API over the store, with workers in the same process unless --no-workers.
/// Binding beyond loopback needs a token (exit 2 before anything is opened). SIGTERM or Ctrl+C stops it cleanly:
/// requests end, running jobs go back to queued, and it exits 0, since a signal is how a server is meant to end.
/// </summary>
internal static class ServeCommand
{
    public const string TokenVariable = "SPOOL_TOKEN";

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port to listen on (0 picks a free one).", DefaultValueFactory = _ => ServerOptions.DefaultPort };
        var bind = new Option<string>("--bind") { Description = "Address to listen on; anything but loopback needs a token.", DefaultValueFactory = _ => ServerOptions.DefaultBind };
        var token = new Option<string?>("--token") { Description = $"Bearer token every /api request and /metrics must carry (or ${TokenVariable})." };
        var noWorkers = new Option<bool>("--no-workers") { Description = "Serve only; leave the jobs to 'spool worker' processes." };
        var concurrent = new Option<int>("--max-concurrent", "-j") { Description = "Work items the in-process workers run at once.", DefaultValueFactory = _ => 2 };
        var store = StoreAccess.CreateOption();
        var command = new Command("serve", "Serve the dashboard and HTTP API, and run queued jobs.") { port, bind, token, noWorkers, concurrent, store };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var secret = parse.GetValue(token) is { Length: > 0 } given ? given : Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } env ? env : null;
            var options = new ServerOptions(parse.GetValue(bind)!.Trim(), parse.GetValue(port), secret) { Errors = Console.Error };
            if (options.Problem() is { } problem)
            {
                throw new UsageException(problem);
            }

            if (parse.GetValue(concurrent) < 1)
            {
                throw new UsageException("--max-concurrent must be at least 1.");
            }

            var runner = new ProcessRunner();
            var (tools, capabilities) = await Toolchain.RequireWithCapabilitiesAsync(runner, cancellationToken);
            await using var jobs = await StoreAccess.OpenAsync(parse.GetValue(store), cancellationToken);
            WorkerOptions? workers = parse.GetValue(noWorkers)
                ? null
                : WorkerSettings.For(parse.GetValue(concurrent), capabilities) with { Drain = false, ProgressInterval = TimeSpan.FromSeconds(1) };
            try
            {
                await SpoolServer.RunAsync(options, jobs, runner, tools, workers, uri =>
                {
                    Console.Out.WriteLine($"Serving on {uri}");
                    Console.Out.Flush();
                }, cancellationToken);
            }
            catch (IOException error)
            {
                throw new EnvironmentException($"cannot listen on {options.Bind}:{options.Port}: {error.Message}");
            }

            await Console.Error.WriteLineAsync("Stopped: running jobs were queued again; 'spool serve' or 'spool worker' picks them up.");
            return ExitCodes.Success;
        });
        return command;
    }
}
