using System.CommandLine;
using Spool.Core.Discovery;
using Spool.Core.Operations;
using Spool.Core.Queue;

namespace Spool.Cli.Commands;

/// <summary>What a parsed process/process-list/submit/plan command line asks for, checked by the builder: bad values are usage errors (exit 2).</summary>
internal sealed record BatchInvocation(IReadOnlyList<DiscoveredInput> Inputs, BatchSettings Settings, bool Quiet)
{
    /// <summary>Batches of higher priority are claimed first.</summary>
    public BatchPriority Priority { get; init; } = BatchPriority.Normal;

    /// <summary>Retries of a transient failure, per job.</summary>
    public int RetryCount { get; init; }

    public string? Store { get; init; }

    /// <summary>Like <see cref="FromAsync"/>, with --config's values filled in for the flags not given.</summary>
    public static async Task<BatchInvocation> FromConfiguredAsync(ParseResult parse, BatchOptions options, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (configured, inputs) = await BatchConfigFile.ApplyAsync(parse, options.Config, paths, cancellationToken);
        if (inputs.Count == 0)
        {
            throw new UsageException("no inputs: name files or folders, or list them under 'inputs' in --config.");
        }

        if (inputs.FirstOrDefault(path => path.StartsWith("--", StringComparison.Ordinal) && !Path.Exists(path)) is { } unknown)
        {
            throw new UsageException($"unknown option '{unknown}'. See '{parse.CommandResult.Command.Name} --help'.");
        }

        return await FromAsync(configured, options, inputs, cancellationToken);
    }

    public static async Task<BatchInvocation> FromAsync(ParseResult parse, BatchOptions options, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(options);
        var catalog = await PresetSource.LoadAsync(parse.GetValue(options.PresetFile), cancellationToken);
        var workingDirectory = Directory.GetCurrentDirectory();
        var build = BatchSettingsBuilder.Build(options.ToRequest(parse, workingDirectory), catalog, Environment.ProcessorCount, File.Exists, MachineAdvice.Current());
        if (build is BatchBuild.Invalid invalid)
        {
            // One line per problem, each naming its flag (SpoolApp prefixes the first with "spool: ").
            throw new UsageException(string.Join("\nspool: ", invalid.Errors.Select(error => $"--{error.Field.Replace('_', '-')}: {error.Message}")));
        }

        var built = (BatchBuild.Built)build;
        var inputs = InputDiscovery.Discover(new DiscoveryRequest(paths, parse.GetValue(options.Recursive), parse.GetValue(options.Pattern), workingDirectory)
        {
            OutputDirectory = built.Settings.OutputDirectory,
        });
        if (OutputTreeMarker.EarlierBatches(built.Settings.OutputDirectory) is [.., var earlier])
        {
            await Console.Error.WriteLineAsync(built.Settings.Force
                ? $"{built.Settings.OutputDirectory} already holds outputs of batch {earlier}: files of the same name are replaced (--force)."
                : $"{built.Settings.OutputDirectory} already holds outputs of batch {earlier}: outputs that are up to date are kept (skipped), other files of the same name are replaced.");
        }

        if (inputs.Count == 0)
        {
            throw new UsageException($"no video files found in {string.Join(", ", paths)} (folders are scanned for video extensions; name files explicitly to try others).");
        }

        return new BatchInvocation(inputs, built.Settings, parse.GetValue(options.Quiet))
        {
            Priority = built.Priority,
            RetryCount = built.RetryCount,
            Store = parse.GetValue(options.Store),
        };
    }
}
