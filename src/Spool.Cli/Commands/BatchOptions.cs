using System.CommandLine;
using Spool.Core.Operations;

namespace Spool.Cli.Commands;

/// <summary>The options process, process-list and plan share, defined once.</summary>
internal sealed class BatchOptions
{
    public Option<bool> Recursive { get; } = new("--recursive", "-r") { Description = "Scan folders recursively; outputs keep the relative folders." };

    public Option<string?> Pattern { get; } = new("--pattern") { Description = "Glob for folder scans, e.g. '*.mov' or '**/*.mp4'." };

    public Option<string?> Preset { get; } = new("--preset", "-p") { Description = "Comma-separated preset names (default: auto). See 'spool presets'." };

    public Option<string?> PresetFile { get; } = new("--preset-file") { Description = "YAML file of user presets." };

    public Option<string> Output { get; } = new("--output", "-o")
    {
        Description = "Output folder.",
        DefaultValueFactory = _ => "batch_output",
    };

    public Option<string?> MaxConcurrent { get; } = NumberOptions.WholeOrAuto("--max-concurrent", "-j",
        "Work items of this batch at once (one ffmpeg each), across all workers: a number, or auto (default; process: spool bench's best on this machine, else a rule from the cores; submit: the workers' -j).");

    public Option<string?> ErrorHandling { get; } = new("--error-handling") { Description = "continue past failed jobs (default), or stop after the first." };

    public Option<double?> Timeout { get; } = NumberOptions.Decimal("--timeout", "Time limit in seconds of each ffmpeg a job runs (encode, analysis passes, QC, steps); none by default.");

    public Option<double?> StallTimeout { get; } = NumberOptions.Decimal("--stall-timeout",
        "Seconds an ffmpeg may make no progress (its output time stands still) before its job ends as stalled (default 120).");

    public Option<string?> Quality { get; } = new("--quality") { Description = "medium | high | ultra: lowers CRF for higher quality." };

    public Option<string?> Mode { get; } = new("--mode") { Description = "fast | balanced | high_quality: picks the x264 speed preset." };

    public Option<string?> Hwaccel { get; } = new("--hwaccel")
    {
        Description = "auto (default) | none | cuda | vaapi | qsv: encode H.264 on a GPU (h264_nvenc, h264_vaapi, h264_qsv) where 'spool doctor' proves it with a one-frame trial; "
            + "otherwise, and when a GPU encode fails, on the CPU (libx264). A named backend this machine has not proved is encoded on the CPU with a warning.",
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "No progress output." };

    public Option<string?> Priority { get; } = new("--priority") { Description = "urgent | high | normal (default) | low: batches of higher priority run first." };

    public Option<int?> RetryCount { get; } = NumberOptions.Whole("--retry-count", null,
        "Retries (0 to 10, default 0) for transient failures (timeout, stalled, ffmpeg_failed, disk_full), with exponential backoff and jitter.");

    public Option<string?> Strategy { get; } = new("--parallel-strategy")
    {
        Description = "fixed (default) | adaptive (CPU/memory thresholds) | smart (adaptive + memory cap) | sequential (input order, one at a time). Stored with the batch: every worker honours it.",
    };

    public Option<double?> CpuThreshold { get; } = NumberOptions.Decimal("--cpu-threshold",
        "adaptive/smart: a worker already running something starts more only while CPU use (over at least 100 ms) is under this percent (default 80).");

    public Option<double?> MemoryThreshold { get; } = NumberOptions.Decimal("--memory-threshold",
        "adaptive/smart: a worker already running something starts more only while memory use is under this percent (default 85).");

    public Option<double?> MaxMemory { get; } = NumberOptions.Decimal("--max-memory",
        "adaptive/smart: cap, in GB, on the estimated memory of a worker's running items (smart default: the machine's memory).");

    public Option<string?> Store { get; } = StoreAccess.CreateOption();

    public Option<string?> Qc { get; } = new("--qc")
    {
        Description = "off | quick (default: integrity, duration, resolution, audio peak, SSIM on sampled frames) | full (adds PSNR, loudness, compression).",
    };

    public Option<string?> QcPolicy { get; } = new("--qc-policy")
    {
        Description = "fail (default): a failed check fails the job (qc_failed) and keeps its output as NAME.qc-failed.mp4; warn: place the output and report the failure; discard: fail the job and delete the output.",
    };

    public Option<double?> MinSsim { get; } = new("--min-ssim") { Description = "Lowest SSIM (0-1) of every output, instead of its preset's bar." };

    public Option<double?> MinPsnr { get; } = new("--min-psnr") { Description = "Lowest PSNR in dB (--qc full), instead of its preset's bar." };

    public Option<double?> MaxDurationDelta { get; } = new("--max-duration-delta") { Description = "Largest output/source duration difference in seconds. [default: 0.1]" };

    public Option<double?> MaxPeakDb { get; } = new("--max-peak-db") { Description = "Highest audio peak in dBFS (reported, not judged, by default)." };

    public Option<double?> MaxCompressionRatio { get; } = new("--max-compression-ratio") { Description = "Largest output/source size ratio (--qc full), instead of its preset's." };

    public Option<bool> QcRetry { get; } = new("--qc-retry") { Description = "Re-encode once at a higher quality when QC fails." };

    public Option<string?> Chunk { get; } = new("--chunk")
    {
        Description = "auto (default: chunk an input of 60 s or more that would hold the batch's tail on one slot) | off | SECONDS (chunk every input longer than 2 x SECONDS into ~SECONDS chunks, split at keyframes, each a job of its own).",
    };
    public Option<bool> Force { get; } = new("--force") { Description = "Redo every job, even one whose output is up to date (same input, same plan, output unchanged)." };

    public Option<string?> Validate { get; } = new("--validate")
    {
        Description = "quick (default: probe sanity, always) | thorough (also decode every input fully before planning).",
    };

    public OperationOptions Operations { get; } = new();

    public Option<string?> Config { get; } = new("--config") { Description = "YAML batch config: flags as keys (normalize_audio: true, preset: [web_optimized]) plus inputs; flags given here win." };

    public BatchOptions()
    {
        ErrorHandling.AcceptOnlyFromAmong("continue", "stop");
        Quality.AcceptOnlyFromAmong("medium", "high", "ultra");
        Mode.AcceptOnlyFromAmong("fast", "balanced", "high_quality");
        Hwaccel.AcceptOnlyFromAmong("auto", "none", "cuda", "vaapi", "qsv");
        Priority.AcceptOnlyFromAmong("urgent", "high", "normal", "low");
        Strategy.AcceptOnlyFromAmong("fixed", "adaptive", "smart", "sequential");
        Qc.AcceptOnlyFromAmong("off", "quick", "full");
        QcPolicy.AcceptOnlyFromAmong("fail", "warn", "discard");
        Validate.AcceptOnlyFromAmong("quick", "thorough");
    }

    /// <summary>
    /// What the command line asks for, as given: ranges, defaults and the rules between flags are the builder's
    /// (<see cref="BatchSettingsBuilder"/>), the same as the API's. Paths become absolute here, from the working folder.
    /// </summary>
    public BatchRequest ToRequest(ParseResult parse, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var request = new BatchRequest
        {
            OutputDirectory = Path.GetFullPath(parse.GetValue(Output) ?? "batch_output", workingDirectory),
            Presets = parse.GetValue(Preset),
            Export = parse.GetValue(Operations.Export),
            Quality = parse.GetValue(Quality),
            Mode = parse.GetValue(Mode),
            Hwaccel = parse.GetValue(Hwaccel),
            Priority = parse.GetValue(Priority),
            ErrorHandling = parse.GetValue(ErrorHandling),
            MaxConcurrent = NumberOptions.AutoOrWhole(parse.GetValue(MaxConcurrent)),
            ParallelStrategy = parse.GetValue(Strategy),
            CpuThreshold = parse.GetValue(CpuThreshold),
            MemoryThreshold = parse.GetValue(MemoryThreshold),
            MaxMemoryGb = parse.GetValue(MaxMemory),
            RetryCount = parse.GetValue(RetryCount),
            TimeoutSeconds = parse.GetValue(Timeout),
            StallTimeoutSeconds = parse.GetValue(StallTimeout),
            Qc = parse.GetValue(Qc),
            QcPolicy = parse.GetValue(QcPolicy),
            QcRetry = parse.GetValue(QcRetry),
            Chunk = parse.GetValue(Chunk),
            Force = parse.GetValue(Force),
            MinSsim = parse.GetValue(MinSsim),
            MinPsnr = parse.GetValue(MinPsnr),
            MaxDurationDelta = parse.GetValue(MaxDurationDelta),
            MaxPeakDb = parse.GetValue(MaxPeakDb),
            MaxCompressionRatio = parse.GetValue(MaxCompressionRatio),
            Validate = parse.GetValue(Validate),
        };
        return Operations.Read(parse, request, workingDirectory);
    }

    public void AddTo(Command command, bool includeRunOptions)
    {
        command.Options.Add(Recursive);
        command.Options.Add(Pattern);
        command.Options.Add(Preset);
        command.Options.Add(PresetFile);
        command.Options.Add(Output);
        command.Options.Add(Quality);
        command.Options.Add(Mode);
        command.Options.Add(Hwaccel);
        if (includeRunOptions)
        {
            command.Options.Add(MaxConcurrent);
            command.Options.Add(ErrorHandling);
            command.Options.Add(Timeout);
            command.Options.Add(StallTimeout);
            command.Options.Add(Quiet);
            command.Options.Add(Priority);
            command.Options.Add(RetryCount);
            command.Options.Add(Strategy);
            command.Options.Add(CpuThreshold);
            command.Options.Add(MemoryThreshold);
            command.Options.Add(MaxMemory);
            command.Options.Add(Store);
            command.Options.Add(Qc);
            command.Options.Add(QcPolicy);
            command.Options.Add(QcRetry);
            command.Options.Add(Chunk);
            command.Options.Add(Force);
            command.Options.Add(MinSsim);
            command.Options.Add(MinPsnr);
            command.Options.Add(MaxDurationDelta);
            command.Options.Add(MaxPeakDb);
            command.Options.Add(MaxCompressionRatio);
            command.Options.Add(Validate);
        }

        command.Options.Add(Config);
        foreach (var option in Operations.All())
        {
            command.Options.Add(option);
        }
    }
}
