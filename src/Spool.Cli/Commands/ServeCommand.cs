using System.CommandLine;
using Spool.Core.Queue;
using Spool.Core.Storage;
using Spool.Media.Processes;
using Spool.Web;
using Spool.Web.Auth;

namespace Spool.Cli.Commands;

/// <summary>
/// spool serve: the dashboard and HTTP API over the store, with workers in the same process unless --no-workers.
/// Changes always need a token: without --token or SPOOL_TOKEN one is made and kept in $SPOOL_HOME/serve.token, and
/// the page's address is printed with it. Binding beyond loopback needs --root (exit 2 before anything is opened,
/// the token file included). SIGTERM or Ctrl+C stops it cleanly:
/// requests end, running jobs go back to queued, and it exits 0, since a signal is how a server is meant to end.
/// </summary>
internal static class ServeCommand
{
    public const string TokenVariable = "SPOOL_TOKEN";

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port to listen on (0 picks a free one).", DefaultValueFactory = _ => ServerOptions.DefaultPort };
        var bind = new Option<string>("--bind") { Description = "Address to listen on; anything but loopback needs --root.", DefaultValueFactory = _ => ServerOptions.DefaultBind };
        var token = new Option<string?>("--token")
        {
            Description = $"Bearer token every /api request and /metrics must carry (or ${TokenVariable}); by default one kept in $SPOOL_HOME/{ServeToken.FileName}.",
        };
        var roots = new Option<string[]>("--root")
        {
            Description = "A folder submissions may read and write inside (repeatable); without one, only loopback may be bound.",
        };
        var noWorkers = new Option<bool>("--no-workers") { Description = "Serve only; leave the jobs to 'spool worker' processes." };
        var concurrent = new Option<int>("--max-concurrent", "-j") { Description = "Work items the in-process workers run at once.", DefaultValueFactory = _ => 2 };
        var store = StoreAccess.CreateOption();
        var command = new Command("serve", "Serve the dashboard and HTTP API, and run queued jobs.") { port, bind, token, roots, noWorkers, concurrent, store };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var secret = parse.GetValue(token) is { Length: > 0 } given ? given : Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } env ? env : null;
            var options = new ServerOptions(parse.GetValue(bind)!.Trim(), parse.GetValue(port), secret)
            {
                Errors = Console.Error,
                Roots = (parse.GetValue(roots) ?? []).Select(root => Path.GetFullPath(root)).ToList(),
            };
            if (options.Problem(tokenWillBeMade: secret is null) is { } problem)
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
                : await WorkerSettings.ForAsync(parse.GetValue(concurrent), runner, tools, capabilities, cancellationToken) with { Drain = false, ProgressInterval = TimeSpan.FromSeconds(1) };
            var kept = secret is null ? KeptToken() : null;
            options = options with { Token = secret ?? kept!.Token };
            try
            {
                await SpoolServer.RunAsync(options, jobs, runner, tools, workers, uri =>
                {
                    // The one place the made token is shown: the page takes it from the address and keeps it.
                    Console.Out.WriteLine(kept is null ? $"Serving on {uri}" : $"Serving on {uri}?token={kept.Token}");
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

    private static ServeToken KeptToken()
    {
        var home = StoreLocation.HomeFromEnvironment();
        try
        {
            return ServeToken.LoadOrCreate(home);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new EnvironmentException($"cannot keep the serve token in {home} ({error.Message}); set SPOOL_HOME to a folder you can write, or pass --token.");
        }
    }
}
