using System.CommandLine;
using System.Globalization;

namespace Spool.Cli.Tests;

/// <summary>
/// Issue 10: an unexpected exception is a bug. It exits 4 ("internal error; please report"), never 1, which means
/// "some jobs failed", and it shows one line, not a stack trace.
/// </summary>
[Collection(nameof(ConsoleCapture))]
public sealed class InternalErrorTests
{
    [Fact]
    public async Task An_unexpected_exception_exits_4_with_one_line_asking_for_a_report()
    {
        var broken = new Command("broken", "A command whose action has a bug.");
        broken.SetAction((_, _) => Task.FromException<int>(new InvalidOperationException("Sequence contains no elements")));
        var original = Console.Error;
        using var errors = new StringWriter(CultureInfo.InvariantCulture);
        Console.SetError(errors);
        int code;
        try
        {
            code = await SpoolApp.RunAsync(["broken"], [broken]);
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Equal(4, code);
        Assert.Equal(
            "spool: internal error (InvalidOperationException): Sequence contains no elements. This is a bug in Spool; please report it.\n",
            errors.ToString());
    }

    [Fact]
    public async Task Usage_and_environment_errors_keep_their_own_exit_codes()
    {
        var usage = new Command("usage");
        usage.SetAction((_, _) => Task.FromException<int>(new UsageException("--output: not a folder.")));
        var environment = new Command("environment");
        environment.SetAction((_, _) => Task.FromException<int>(new EnvironmentException("'ffmpeg' cannot run.")));
        var original = Console.Error;
        Console.SetError(TextWriter.Null);
        try
        {
            Assert.Equal(2, await SpoolApp.RunAsync(["usage"], [usage, environment]));
            Assert.Equal(3, await SpoolApp.RunAsync(["environment"], [usage, environment]));
        }
        finally
        {
            Console.SetError(original);
        }
    }
}
