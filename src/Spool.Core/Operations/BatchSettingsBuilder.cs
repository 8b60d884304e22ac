using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Core.Quality.Checks;
using Spool.Core.Queue;
using Spool.Media.Processes;

namespace Spool.Core.Operations;

/// <summary>A request turned into what a batch runs with and stores, or every problem with it, by field.</summary>
public abstract record BatchBuild
{
    private BatchBuild()
    {
    }

    /// <summary>The batch's settings (admission included), and the queue's side: priority and retries.</summary>
    public sealed record Built(BatchSettings Settings, BatchPriority Priority, int RetryCount) : BatchBuild;

    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : BatchBuild;
}

/// <summary>
/// The one way from a user's request to <see cref="BatchSettings"/>: <c>process</c>, <c>submit</c> and the API all
/// come through here, so the defaults are the same and an option accepted anywhere is an option that works. Pure:
/// the catalog, the core count and the one file check it needs (does the whisper model exist) are passed in.
/// </summary>
public static partial class BatchSettingsBuilder
{
    public const int MostConcurrency = 64;

    public const int MostRetries = 10;

    public const double DefaultCpuThreshold = 80;

    public const double DefaultMemoryThreshold = 85;

    /// <summary>The longest --timeout or --stall-timeout: 30 days. A larger number is a typo (or 1e300), not a plan.</summary>
    public const double LongestSeconds = 30 * 24 * 3600;

    public static IReadOnlyList<string> PlatformExports { get; } = ["youtube", "instagram", "tiktok", "twitter", "facebook", "social_media"];

    private static readonly string[] Strategies = ["fixed", "adaptive", "smart", "sequential"];

    // advice: work items at once when the request names none (--max-concurrent auto), spool bench's measurement for
    // this machine; null applies the rule for the cores.
    public static BatchBuild Build(BatchRequest request, PresetCatalog catalog, int processorCount, Func<string, bool> fileExists, Benchmarking.ConcurrencyAdvice? advice = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(fileExists);
        var checks = new FieldChecks();
        if (!Path.IsPathFullyQualified(request.OutputDirectory))
        {
            checks.Add("output", $"'{request.OutputDirectory}' is not an absolute path.");
        }

        var presets = Presets(request, catalog, checks);
        var quality = checks.Choice("quality", request.Quality, "medium", ["medium", "high", "ultra"]);
        var mode = checks.Choice("mode", request.Mode, null, ["fast", "balanced", "high_quality"]);
        var hwaccel = checks.Choice("hwaccel", request.Hwaccel, "auto", ["auto", "none", "cuda", "vaapi", "qsv"]);
        var priority = checks.Choice("priority", request.Priority, "normal", ["urgent", "high", "normal", "low"]);
        var handling = checks.Choice("error_handling", request.ErrorHandling, "continue", ["continue", "stop"]);
        var qc = checks.Choice("qc", request.Qc, "quick", ["off", "quick", "full"]);
        var policy = checks.Choice("qc_policy", request.QcPolicy, "fail", ["fail", "warn", "discard"]);
        var bars = new QcOverrides
        {
            MinSsim = request.MinSsim is { } ssim ? checks.Number("min_ssim", ssim, 0, 1) : null,
            MinPsnr = request.MinPsnr is { } psnr ? checks.Number("min_psnr", psnr, 0, 100) : null,
            MaxDurationDeltaSeconds = request.MaxDurationDelta is { } delta ? checks.Number("max_duration_delta", delta, 0, LongestSeconds) : null,
            MaxPeakDb = request.MaxPeakDb is { } peak ? checks.Number("max_peak_db", peak, -100, 20) : null,
            MaxCompressionRatio = request.MaxCompressionRatio is { } ratio ? checks.Number("max_compression_ratio", ratio, 0, 1_000_000) : null,
        };
        var validate = checks.Choice("validate", request.Validate, "quick", ["quick", "thorough"]);
        var chunk = request.Chunk is { } chunkText ? Chunking.ChunkSetting.Parse(chunkText) : Chunking.ChunkSetting.Auto;
        if (chunk is null)
        {
            checks.Add("chunk", $"unknown value '{request.Chunk}'; choose auto, off or a number of seconds (at least 1).");
        }
        var retries = checks.Whole("retry_count", request.RetryCount ?? 0, 0, MostRetries);
        var timeout = checks.Seconds("timeout", request.TimeoutSeconds, 0, LongestSeconds);
        var stall = checks.Seconds("stall_timeout", request.StallTimeoutSeconds ?? RunLimits.DefaultStallTimeout.TotalSeconds, 1, LongestSeconds);
        var admission = Admission(request, checks);
        var operations = Operations(request, checks, fileExists);
        if (checks.Errors.Count > 0)
        {
            return new BatchBuild.Invalid(checks.Errors);
        }

        var planOptions = new PlanOptions
        {
            Quality = Enum.Parse<QualityLevel>(quality!, ignoreCase: true),
            Mode = mode is null ? null : Enum.Parse<EncodeMode>(mode.Replace("_", "", StringComparison.Ordinal), ignoreCase: true),
            Hardware = Enum.Parse<HardwareChoice>(hwaccel!, ignoreCase: true),
        };
        var settings = new BatchSettings(
            presets!,
            planOptions,
            request.OutputDirectory,
            admission!.MaxConcurrent ?? (advice ?? Benchmarking.ConcurrencyAdvice.Rule(Math.Max(1, processorCount))).Concurrency,
            handling == "stop" ? ErrorHandling.Stop : ErrorHandling.Continue,
            processorCount)
        {
            Timeout = timeout,
            StallTimeout = stall!.Value,
            Qc = qc switch { "off" => null, "full" => QcMode.Full, _ => QcMode.Quick },
            QcWarnOnly = policy == "warn",
            QcRetry = request.QcRetry,
            Force = request.Force,
            QcDiscard = policy == "discard",
            QcBars = bars,
            ValidateThoroughly = validate == "thorough",
            Operations = operations,
            Admission = admission,
            Chunk = chunk!,
        };
        return new BatchBuild.Built(settings, Enum.Parse<BatchPriority>(priority!, ignoreCase: true), retries);
    }

    /// <summary>
    /// The batch's own admission. Sequential is one work item at a time in input order. Thresholds mean something only
    /// to the adaptive strategies, so asking for them with another is a mistake to report, not a value to drop.
    /// </summary>
    private static BatchAdmission? Admission(BatchRequest request, FieldChecks checks)
    {
        var name = checks.Choice("parallel_strategy", request.ParallelStrategy, "fixed", Strategies);
        var limit = request.MaxConcurrent is { } given ? checks.Whole("max_concurrent", given, 1, MostConcurrency) : (int?)null;
        var cpu = checks.Percent("cpu_threshold", request.CpuThreshold);
        var memory = checks.Percent("memory_threshold", request.MemoryThreshold);
        var cap = request.MaxMemoryGb is { } gb ? checks.Number("max_memory", gb, 0.1, 1_000_000) : (double?)null;
        if (name is null)
        {
            return null;
        }

        var strategy = Enum.Parse<ParallelStrategy>(name, ignoreCase: true);
        if (strategy is ParallelStrategy.Fixed or ParallelStrategy.Sequential)
        {
            foreach (var (field, value) in new[] { ("cpu_threshold", request.CpuThreshold), ("memory_threshold", request.MemoryThreshold), ("max_memory", request.MaxMemoryGb) })
            {
                if (value is not null)
                {
                    checks.Add(field, $"applies to the adaptive and smart strategies only, not to {name}.");
                }
            }
        }

        if (strategy == ParallelStrategy.Sequential && limit > 1)
        {
            checks.Add("max_concurrent", "a sequential batch runs one work item at a time; leave max_concurrent out or choose another strategy.");
        }

        return strategy switch
        {
            ParallelStrategy.Sequential => new BatchAdmission(strategy, 1, null, null, null),
            ParallelStrategy.Fixed => new BatchAdmission(strategy, limit, null, null, null),
            _ => new BatchAdmission(strategy, limit, cpu ?? DefaultCpuThreshold, memory ?? DefaultMemoryThreshold, cap),
        };
    }

    /// <summary>
    /// The presets named (auto when none, as DESIGN.md says), plus the exports' platform presets; exports alone give
    /// just those. A preset may not take a step's name: step jobs carry that name in the queue.
    /// </summary>
    private static IReadOnlyList<Preset>? Presets(BatchRequest request, PresetCatalog catalog, FieldChecks checks)
    {
        var exports = request.Export?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (exports.FirstOrDefault(name => !PlatformExports.Contains(name.ToLowerInvariant())) is { } unknown)
        {
            checks.Add("export", $"'{unknown}' is not a platform; choose from {string.Join(", ", PlatformExports)}.");
            return null;
        }

        var named = string.IsNullOrWhiteSpace(request.Presets) ? (exports.Length > 0 ? null : "auto") : request.Presets;
        var text = string.Join(',', new[] { named }.Concat(exports).Where(part => part is not null));
        switch (PresetParser.ParseNames(text, catalog))
        {
            case PresetSelection.Invalid invalid:
                checks.Add("preset", invalid.Message);
                return null;
            case PresetSelection.Selected { Presets: var presets } when presets.FirstOrDefault(preset => StepNamesOf.All.Contains(preset.Name)) is { } clash:
                checks.Add("preset", $"a preset cannot be named '{clash.Name}'; that name belongs to a media step.");
                return null;
            case PresetSelection.Selected selected:
                return selected.Presets;
            default:
                throw new InvalidOperationException("Unknown preset selection.");
        }
    }
}
