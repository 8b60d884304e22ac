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

    public BatchOptions()
    {
        ErrorHandling.AcceptOnlyFromAmong("continue", "stop");
        Quality.AcceptOnlyFromAmong("medium", "high", "ultra");
        Mode.AcceptOnlyFromAmong("fast", "balanced", "high_quality");
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
        }
    }
}
