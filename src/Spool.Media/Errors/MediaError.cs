namespace Spool.Media.Errors;

/// <summary>A classified, expected failure: what went wrong and what the user can do about it.</summary>
public sealed record MediaError(ErrorCategory Category, string Message, string Hint)
{
    public static MediaError Of(ErrorCategory category, string message) =>
        new(category, message, category.DefaultHint());
}
