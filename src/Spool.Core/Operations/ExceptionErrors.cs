using Spool.Media.Errors;

namespace Spool.Core.Operations;

/// <summary>Classifies exceptions that escaped a work item: broken infrastructure has a category; anything else is a bug.</summary>
internal static class ExceptionErrors
{
    private const int NoSpaceLeft = 28;

    public static MediaError Classify(Exception exception) => exception switch
    {
        UnauthorizedAccessException => MediaError.Of(ErrorCategory.PermissionDenied, exception.Message),
        IOException io when (io.HResult & 0xFFFF) == NoSpaceLeft || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase)
            => MediaError.Of(ErrorCategory.DiskFull, io.Message),
        FileNotFoundException or DirectoryNotFoundException => MediaError.Of(ErrorCategory.InputMissing, exception.Message),
        _ => MediaError.Of(ErrorCategory.Internal, $"{exception.GetType().Name}: {exception.Message}"),
    };
}
