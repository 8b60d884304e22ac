using System.Text.Json.Serialization;
using Spool.Media.Probing;

namespace Spool.Core.Validation;

/// <summary>One file's health check as `spool validate --json` prints it; <see cref="Probe"/> is null when probing failed.</summary>
public sealed record FileValidation(string Path, string Status, IReadOnlyList<string> Problems, MediaInfo? Probe)
{
    /// <summary>The verdict with its error category, for a batch that rejects the file.</summary>
    [JsonIgnore]
    public ValidationResult Result { get; init; } = new(Status, Problems);

    [JsonIgnore]
    public bool IsOk => Status == ValidationStatus.Ok;

    public static FileValidation Of(string path, ValidationResult result, MediaInfo? probe)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new FileValidation(path, result.Status, result.Problems, probe) { Result = result };
    }
}

/// <summary>The whole answer of `spool validate --json`: {"files":[…]}.</summary>
public sealed record ValidationReport(IReadOnlyList<FileValidation> Files);
