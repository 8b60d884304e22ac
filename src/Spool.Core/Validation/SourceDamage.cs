using System.Text.RegularExpressions;
using Spool.Core.Operations;
using Spool.Media.Processes;

namespace Spool.Core.Validation;

/// <summary>What <see cref="SourceDamage.CheckAsync"/> found: the warning, if any, and the decode run behind it (for the job's log).</summary>
public sealed record SourceDamageCheck(JobWarning? Warning, ProcessResult? Run)
{
    public static SourceDamageCheck None { get; } = new(null, null);
}

/// <summary>
/// Whether a source that was just encoded decodes with errors, and where. The encode already decoded the source, so
/// its stderr says whether anything went wrong; it cannot say when (it logs without times), so only then is the
/// source decoded once more, as the thorough validation does, to date each error. A clean source costs nothing.
/// </summary>
public static partial class SourceDamage
{
    /// <summary>Lines an ffmpeg encode at its default log level writes when a decoder meets damage.</summary>
    public static bool Suspected(string encodeStderr)
    {
        ArgumentNullException.ThrowIfNull(encodeStderr);
        return DamageLine().IsMatch(encodeStderr);
    }

    public static async Task<SourceDamageCheck> CheckAsync(
        IProcessRunner runner, string ffmpeg, string source, string encodeStderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        if (!Suspected(encodeStderr))
        {
            return SourceDamageCheck.None;
        }

        var run = await runner.RunAsync(new ProcessRequest(ffmpeg, InputValidator.DecodeArguments(source)), progress: null, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var errors = DecodeLog.Parse(run.Stderr);
        return new SourceDamageCheck(errors.Any ? JobWarning.SourceDamaged(errors) : null, run);
    }

    [GeneratedRegex(@"Error while decoding stream #|error while decoding MB|Invalid NAL unit|concealing \d+ |Invalid data found|corrupt", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DamageLine();
}
