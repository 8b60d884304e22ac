using System.CommandLine;
using Spool.Core.Discovery;
using Spool.Core.Operations;
using Spool.Core.Planning;
using Spool.Core.Quality.Checks;
using Spool.Core.Queue;

namespace Spool.Cli.Commands;

/// <summary>What a parsed process/process-list/plan command line asks for, checked: bad values are usage errors (exit 2).</summary>
internal sealed record BatchInvocation(IReadOnlyList<DiscoveredInput> Inputs, BatchSettings Settings, bool Quiet)
{
    /// <summary>How the queue treats the batch: priority, retries, ordering and admission.</summary>
    public QueueChoices Queue { get; init; } = QueueChoices.Default;

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
        var catalog = await PresetSource.LoadAsync(parse.GetValue(options.PresetFile), cancellationToken);
        var presets = SelectPresets(catalog, parse.GetValue(options.Preset), parse.GetValue(options.Operations.Export));
        var workingDirectory = Directory.GetCurrentDirectory();
        var inputs = InputDiscovery.Discover(new DiscoveryRequest(paths, parse.GetValue(options.Recursive), parse.GetValue(options.Pattern), workingDirectory));
        if (inputs.Count == 0)
        {
            throw new UsageException($"no video files found in {string.Join(", ", paths)} (folders are scanned for video extensions; name files explicitly to try others).");
        }

        var timeout = parse.GetValue(options.Timeout);
        if (timeout is <= 0)
        {
            throw new UsageException("--timeout must be a positive number of seconds.");
        }

        var planOptions = new PlanOptions
        {
            Quality = parse.GetValue(options.Quality) is { } quality ? Enum.Parse<QualityLevel>(quality, ignoreCase: true) : QualityLevel.Medium,
            Mode = parse.GetValue(options.Mode) is { } mode ? Enum.Parse<EncodeMode>(mode.Replace("_", "", StringComparison.Ordinal), ignoreCase: true) : null,
        };
        var settings = new BatchSettings(
            presets,
            planOptions,
            Path.GetFullPath(parse.GetValue(options.Output)!, workingDirectory),
            parse.GetValue(options.MaxConcurrent),
            parse.GetValue(options.ErrorHandling) == "stop" ? ErrorHandling.Stop : ErrorHandling.Continue,
            Environment.ProcessorCount)
        {
            Timeout = timeout is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            StallTimeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(options.StallTimeout))),
            Qc = parse.GetValue(options.Qc) switch
            {
                "off" => null,
                "full" => QcMode.Full,
                _ => QcMode.Quick,
            },
            QcWarnOnly = parse.GetValue(options.QcPolicy) == "warn",
            QcRetry = parse.GetValue(options.QcRetry),
            ValidateThoroughly = parse.GetValue(options.Validate) == "thorough",
            Operations = options.Operations.Read(parse),
        };
        var strategy = Enum.Parse<ParallelStrategy>(parse.GetValue(options.Strategy)!, ignoreCase: true);
        IAdmission admission = strategy is ParallelStrategy.Adaptive or ParallelStrategy.Smart
            ? new ResourceAdmission(parse.GetValue(options.CpuThreshold), parse.GetValue(options.MemoryThreshold), parse.GetValue(options.MaxMemory) ?? (strategy == ParallelStrategy.Smart ? ResourceAdmission.TotalMemoryGb() : null))
            : new FixedAdmission();
        if (strategy == ParallelStrategy.Sequential)
        {
            settings = settings with { MaxConcurrent = 1 };
        }

        var queue = new QueueChoices(Enum.Parse<BatchPriority>(parse.GetValue(options.Priority)!, ignoreCase: true), parse.GetValue(options.RetryCount), strategy, admission);
        return new BatchInvocation(inputs, settings, parse.GetValue(options.Quiet)) { Queue = queue, Store = parse.GetValue(options.Store) };
    }

    /// <summary>
    /// --preset's presets (auto when none is named, as DESIGN.md says), plus --export's platform presets (the seeds' "export to all platforms"); --export alone
    /// gives just the exports. A preset may not take a step's name: step jobs carry that name in the queue.
    /// </summary>
    private static IReadOnlyList<Spool.Core.Presets.Preset> SelectPresets(Spool.Core.Presets.PresetCatalog catalog, string? names, string? exports)
    {
        if (exports is not null)
        {
            var unknown = exports.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(name => !PlatformExports.Contains(name.ToLowerInvariant()))
                .ToList();
            if (unknown.Count > 0)
            {
                throw new UsageException($"--export: '{unknown[0]}' is not a platform; choose from {string.Join(", ", PlatformExports)}.");
            }
        }

        var text = string.Join(',', new[] { exports is not null && names is null ? null : names, exports }.Where(part => part is not null));
        var presets = PresetSource.Select(catalog, text.Length == 0 ? "auto" : text);
        if (presets.FirstOrDefault(preset => StepNamesOf.All.Contains(preset.Name)) is { } clash)
        {
            throw new UsageException($"--preset-file: a preset cannot be named '{clash.Name}'; that name belongs to a media step.");
        }

        return presets;
    }

    private static readonly string[] PlatformExports = ["youtube", "instagram", "tiktok", "twitter", "facebook", "social_media"];
}

/// <summary>The queue's side of a batch.</summary>
internal sealed record QueueChoices(BatchPriority Priority, int RetryCount, ParallelStrategy Strategy, IAdmission Admission)
{
    public static QueueChoices Default { get; } = new(BatchPriority.Normal, 0, ParallelStrategy.Fixed, new FixedAdmission());
}
