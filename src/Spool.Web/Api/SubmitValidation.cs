using Spool.Core.Discovery;
using Spool.Core.Operations;
using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Core.Quality.Checks;
using Spool.Core.Queue;

namespace Spool.Web.Api;

/// <summary>A checked submission: what the store needs to hold the batch.</summary>
internal sealed record ValidSubmission(IReadOnlyList<DiscoveredInput> Inputs, BatchSettings Settings, BatchPriority Priority, int RetryCount);

/// <summary>
/// Checks a submission the way the CLI checks its flags, but collects every problem by field (the form shows each
/// beside its input) instead of stopping at the first. Reads the file system only to see that inputs exist and
/// to find their videos.
/// </summary>
internal static class SubmitValidation
{
    // Beyond any encode, and far below where a TimeSpan or a deadline computed from it overflows.
    private const int MaxTimeoutSeconds = 7 * 24 * 3600;

    public static (ValidSubmission? Valid, Dictionary<string, List<string>> Errors) Check(SubmitRequest request, PresetCatalog catalog, int processorCount)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        var inputs = request.Inputs?.Where(path => !string.IsNullOrWhiteSpace(path)).ToList() ?? [];
        if (inputs.Count == 0)
        {
            Add("inputs", "Give at least one input: the absolute path of a folder or a video file.");
        }

        foreach (var path in inputs)
        {
            if (!Path.IsPathFullyQualified(path))
            {
                Add("inputs", $"'{path}' is not an absolute path.");
            }
            else if (!File.Exists(path) && !Directory.Exists(path))
            {
                Add("inputs", $"'{path}' does not exist.");
            }
        }

        var presets = PresetParser.ParseNames(request.Presets is { Count: > 0 } names ? string.Join(',', names) : "auto", catalog);
        if (presets is PresetSelection.Invalid invalid)
        {
            Add("presets", invalid.Message);
        }

        if (request.Output is { } output && !Path.IsPathFullyQualified(output))
        {
            Add("output", $"'{output}' is not an absolute path.");
        }

        var priority = BatchViews.ParsePriority(request.Priority ?? "normal");
        if (priority is null)
        {
            Add("priority", $"Unknown priority '{request.Priority}'; choose {BatchViews.PriorityChoices}.");
        }

        var qc = OneOf(request.Qc ?? "quick", "qc", ["off", "quick", "full"], Add);
        var qcPolicy = OneOf(request.QcPolicy ?? "fail", "qc_policy", ["fail", "warn"], Add);
        var errorHandling = OneOf(request.ErrorHandling ?? "continue", "error_handling", ["continue", "stop"], Add);
        var quality = OneOf(request.Quality ?? "medium", "quality", ["medium", "high", "ultra"], Add);
        var mode = request.Mode is null ? null : OneOf(request.Mode, "mode", ["fast", "balanced", "high_quality"], Add);
        Range(request.MaxConcurrent, 1, 64, "max_concurrent", Add);
        Range(request.RetryCount, 0, 10, "retry_count", Add);
        Range(request.Thumbnails, 0, 100, "thumbnails", Add);
        if (request.TimeoutSeconds is <= 0 or > MaxTimeoutSeconds)
        {
            Add("timeout_seconds", $"Must be a positive number of seconds, at most {MaxTimeoutSeconds} (a week).");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var found = InputDiscovery.Discover(new DiscoveryRequest(inputs, request.Recursive, request.Pattern, Path.GetPathRoot(inputs[0])!));
        if (found.Count == 0)
        {
            Add("inputs", $"No video files found in {string.Join(", ", inputs)} (folders are scanned for video extensions; name files to try others).");
            return (null, errors);
        }

        var settings = new BatchSettings(
            ((PresetSelection.Selected)presets).Presets,
            new PlanOptions
            {
                Quality = Enum.Parse<QualityLevel>(quality!, ignoreCase: true),
                Mode = mode is null ? null : Enum.Parse<EncodeMode>(mode.Replace("_", "", StringComparison.Ordinal), ignoreCase: true),
            },
            request.Output ?? Path.Combine(Directory.Exists(inputs[0]) ? inputs[0] : Path.GetDirectoryName(inputs[0])!, "batch_output"),
            request.MaxConcurrent,
            errorHandling == "stop" ? ErrorHandling.Stop : ErrorHandling.Continue,
            processorCount)
        {
            Timeout = request.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Qc = qc switch { "off" => null, "full" => QcMode.Full, _ => QcMode.Quick },
            QcWarnOnly = qcPolicy == "warn",
            Operations = new OperationSettings
            {
                Thumbnails = request.Thumbnails,
                Sprite = request.Sprite,
                Hls = request.Hls,
                NormalizeAudio = request.NormalizeAudio,
                DenoiseAudio = request.DenoiseAudio,
                DenoiseVideo = request.DenoiseVideo,
                Stabilize = request.Stabilize,
            },
        };
        return (new ValidSubmission(found, settings, priority!.Value, request.RetryCount), errors);
    }

    private static string? OneOf(string value, string field, string[] choices, Action<string, string> add)
    {
        var known = choices.FirstOrDefault(choice => string.Equals(choice, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            add(field, $"Unknown value '{value}'; choose {string.Join(", ", choices)}.");
        }

        return known;
    }

    private static void Range(int value, int min, int max, string field, Action<string, string> add)
    {
        if (value < min || value > max)
        {
            add(field, $"Must be between {min} and {max}.");
        }
    }
}
