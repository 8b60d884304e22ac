using System.CommandLine;

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

    public Option<int> MaxConcurrent { get; } = new("--max-concurrent", "-j")
    {
        Description = "How many inputs run at once (one ffmpeg each).",
        DefaultValueFactory = _ => 2,
    };

    public Option<string> ErrorHandling { get; } = new("--error-handling")
    {
        Description = "continue past failed jobs, or stop after the first.",
        DefaultValueFactory = _ => "continue",
    };

    public Option<double?> Timeout { get; } = new("--timeout") { Description = "Per-job time limit in seconds." };

    public Option<double> StallTimeout { get; } = new("--stall-timeout")
    {
        Description = "Seconds without ffmpeg progress before a job ends as stalled.",
        DefaultValueFactory = _ => 120,
    };

    public Option<string?> Quality { get; } = new("--quality") { Description = "medium | high | ultra: lowers CRF for higher quality." };

    public Option<string?> Mode { get; } = new("--mode") { Description = "fast | balanced | high_quality: picks the x264 speed preset." };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "No progress output." };

    public Option<string> Priority { get; } = new("--priority")
    {
        Description = "urgent | high | normal | low: batches of higher priority run first.",
        DefaultValueFactory = _ => "normal",
    };

    public Option<int> RetryCount { get; } = new("--retry-count")
    {
        Description = "Retries for transient failures (timeout, stalled, ffmpeg_failed, disk_full), with exponential backoff and jitter.",
        DefaultValueFactory = _ => 0,
    };

    public Option<string> Strategy { get; } = new("--parallel-strategy")
    {
        Description = "fixed | adaptive | smart | sequential (input order, one at a time).",
        DefaultValueFactory = _ => "fixed",
    };

    public Option<double> CpuThreshold { get; } = new("--cpu-threshold")
    {
        Description = "adaptive/smart: start new jobs only while CPU use is under this percent.",
        DefaultValueFactory = _ => 80,
    };

    public Option<double> MemoryThreshold { get; } = new("--memory-threshold")
    {
        Description = "adaptive/smart: start new jobs only while memory use is under this percent.",
        DefaultValueFactory = _ => 85,
    };

    public Option<double?> MaxMemory { get; } = new("--max-memory") { Description = "Cap, in GB, on the estimated memory of running jobs." };

    public Option<string?> Store { get; } = StoreAccess.CreateOption();

    public Option<string> Qc { get; } = new("--qc")
    {
        Description = "off | quick (integrity, duration, resolution, audio peak, SSIM on sampled frames) | full (adds PSNR, loudness, compression).",
        DefaultValueFactory = _ => "quick",
    };

    public Option<string> QcPolicy { get; } = new("--qc-policy")
    {
        Description = "fail: a failed check fails the job (qc_failed); warn: keep the output and report the failure.",
        DefaultValueFactory = _ => "fail",
    };

    public Option<bool> QcRetry { get; } = new("--qc-retry") { Description = "Re-encode once at a higher quality when QC fails." };

    public Option<string> Validate { get; } = new("--validate")
    {
        Description = "quick (probe sanity, always) | thorough (also decode every input fully before planning).",
        DefaultValueFactory = _ => "quick",
    };

    public OperationOptions Operations { get; } = new();

    public Option<string?> Config { get; } = new("--config") { Description = "YAML batch config: flags as keys (normalize_audio: true, preset: [web_optimized]) plus inputs; flags given here win." };

    public BatchOptions()
    {
        ErrorHandling.AcceptOnlyFromAmong("continue", "stop");
        Quality.AcceptOnlyFromAmong("medium", "high", "ultra");
        Mode.AcceptOnlyFromAmong("fast", "balanced", "high_quality");
        Priority.AcceptOnlyFromAmong("urgent", "high", "normal", "low");
        Strategy.AcceptOnlyFromAmong("fixed", "adaptive", "smart", "sequential");
        Qc.AcceptOnlyFromAmong("off", "quick", "full");
        QcPolicy.AcceptOnlyFromAmong("fail", "warn");
        Validate.AcceptOnlyFromAmong("quick", "thorough");
        RetryCount.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--retry-count cannot be negative.");
            }
        });
        MaxConcurrent.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--max-concurrent must be at least 1.");
            }
        });
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
            command.Options.Add(Validate);
        }

        command.Options.Add(Config);
        foreach (var option in Operations.All())
        {
            command.Options.Add(option);
        }
    }
}
