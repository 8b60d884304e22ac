using Spool.Media.Errors;

namespace Spool.Core.Validation;

/// <summary>
/// What a health check concluded about one input: <see cref="ValidationStatus"/> and the problems behind it (empty
/// when ok). <see cref="Category"/> is the error category a batch records when it rejects the file.
/// </summary>
public sealed record ValidationResult(string Status, IReadOnlyList<string> Problems)
{
    public ErrorCategory? Category { get; init; }

    /// <summary>The remediation hint for the user; null means the category's default.</summary>
    public string? Hint { get; init; }

    public bool IsOk => Status == ValidationStatus.Ok;

    public static ValidationResult Ok() => new(ValidationStatus.Ok, []);

    public static ValidationResult Failed(ErrorCategory category, IReadOnlyList<string> problems) =>
        new(StatusOf(category), problems) { Category = category };

    /// <summary>A probe that failed already carries a classified error; keep its category, message and hint.</summary>
    public static ValidationResult FromProbeFailure(MediaError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ValidationResult(StatusOf(error.Category), [error.Message]) { Category = error.Category, Hint = error.Hint };
    }

    /// <summary>The failure a batch records for this file, or null when the file is ok.</summary>
    public MediaError? AsError()
    {
        if (IsOk)
        {
            return null;
        }

        var category = Category ?? ErrorCategory.InputCorrupt;
        var message = Problems.Count > 0 ? string.Join("; ", Problems.Take(3)) : $"The input failed validation ({Status}).";
        return new MediaError(category, message, Hint ?? category.DefaultHint());
    }

    /// <summary>Combines two checks of the same file: the first one that is not ok decides, problems add up.</summary>
    public ValidationResult Then(ValidationResult next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var problems = Problems.Concat(next.Problems).ToList();
        return IsOk ? next with { Problems = problems } : this with { Problems = problems };
    }

    public static string StatusOf(ErrorCategory category) => category switch
    {
        ErrorCategory.InputCorrupt => ValidationStatus.Corrupt,
        ErrorCategory.NoVideoStream => ValidationStatus.NoVideoStream,
        ErrorCategory.NotAVideo => ValidationStatus.NotAVideo,
        ErrorCategory.Unsupported => ValidationStatus.Unsupported,
        ErrorCategory.InputMissing => ValidationStatus.Missing,
        ErrorCategory.PermissionDenied => ValidationStatus.Unreadable,
        ErrorCategory.Cancelled => ValidationStatus.Cancelled,
        _ => category.ToWireName(),
    };
}
