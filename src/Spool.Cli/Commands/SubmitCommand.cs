using System.CommandLine;
using Spool.Media.Processes;

namespace Spool.Cli.Commands;

/// <summary>spool submit PATH…: store the batch for workers and print its id; nothing runs here.</summary>
internal static class SubmitCommand
{
    public static Command Create()
    {
        var options = new BatchOptions();
        var paths = new Argument<string[]>("paths") { Description = "Files, folders or glob patterns (or 'inputs' in --config).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("submit", "Queue a batch for 'spool worker' and print its id.") { paths };
        options.AddTo(command, includeRunOptions: true);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var invocation = await BatchInvocation.FromConfiguredAsync(parse, options, parse.GetValue(paths)!, cancellationToken);
            var runner = new ProcessRunner();
            var tools = await Toolchain.RequireAsync(runner, cancellationToken);
            await using var store = await StoreAccess.OpenAsync(invocation.Store, cancellationToken);
            await ProcessCommand.SubmitAsync(store, runner, tools, invocation, cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }
}
