using Spool.Core.Discovery;
using Spool.Core.Operations;
using Spool.Core.Presets;
using Spool.Core.Queue;

namespace Spool.Web.Api;

/// <summary>A checked submission: what the store needs to hold the batch.</summary>
internal sealed record ValidSubmission(IReadOnlyList<DiscoveredInput> Inputs, BatchSettings Settings, BatchPriority Priority, int RetryCount);

/// <summary>
/// Checks a submission: the inputs here (the API's own rule: absolute paths that exist), everything else through
/// <see cref="BatchSettingsBuilder"/>, as the CLI does. Every problem is collected by field (the form shows each
/// beside its input) instead of stopping at the first. Reads the file system only to see that inputs exist, to find
/// their videos, and to see that a whisper model exists.
/// </summary>
internal static class SubmitValidation
{
    // Beyond any encode, and far below where a TimeSpan or a deadline computed from it overflows.
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

        // Default: batch_output in the first input's folder. Without a usable first input there is no default, and the
        // inputs' error already says why; the output is then not reported as well.
        var output = request.Output ?? (inputs.Count > 0 && Path.IsPathFullyQualified(inputs[0])
            ? Path.Combine(Directory.Exists(inputs[0]) ? inputs[0] : Path.GetDirectoryName(inputs[0])!, "batch_output")
            : null);
        var build = BatchSettingsBuilder.Build(request.ToBatchRequest(output ?? Path.GetTempPath()), catalog, processorCount, File.Exists);
        if (build is BatchBuild.Invalid invalid)
        {
            foreach (var error in invalid.Errors.Where(error => output is not null || error.Field != "output"))
            {
                Add(FieldName(error.Field), char.ToUpperInvariant(error.Message[0]) + error.Message[1..]);
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var found = InputDiscovery.Discover(new DiscoveryRequest(inputs, request.Recursive, request.Pattern, Path.GetPathRoot(inputs[0])!) { OutputDirectory = output });
        if (found.Count == 0)
        {
            Add("inputs", $"No video files found in {string.Join(", ", inputs)} (folders are scanned for video extensions; name files to try others).");
            return (null, errors);
        }

        var built = (BatchBuild.Built)build;
        return (new ValidSubmission(found, built.Settings, built.Priority, built.RetryCount), errors);
    }

    /// <summary>The builder names fields after the CLI's flags; the API's body names three of them differently.</summary>
    private static string FieldName(string field) => field switch
    {
        "preset" => "presets",
        "timeout" => "timeout_seconds",
        "stall_timeout" => "stall_timeout_seconds",
        _ => field,
    };
}
