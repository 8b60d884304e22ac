using Spool.Media.Errors;

namespace Spool.Core.Operations;

/// <summary>Classifies exceptions that escaped a work item: broken infrastructure has a category; anything else is a bug.</summary>
internal static class ExceptionErrors
{
    private const int NoSpaceLeft = 28;

    /// <summary>
    /// A missing or blocked path is the input's fault only when it is the input: .NET names the path in the message
    /// ("Could not find a part of the path '/out/clip/metadata'"), so a path under <paramref name="outputDirectory"/>
    /// (a folder that cannot be made because a file stands in its place, or one removed while the batch ran) is
    /// output_unwritable.
    /// </summary>
    public static MediaError Classify(Exception exception, string inputPath, string outputDirectory) => exception switch
    {
        UnauthorizedAccessException => MediaError.Of(ErrorCategory.PermissionDenied, exception.Message),
        IOException io when (io.HResult & 0xFFFF) == NoSpaceLeft || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase)
            => MediaError.Of(ErrorCategory.DiskFull, io.Message),
        IOException when !Names(exception, inputPath) && Names(exception, outputDirectory)
            => MediaError.Of(ErrorCategory.OutputUnwritable, "The output path cannot be made or written: " + exception.Message),
        FileNotFoundException or DirectoryNotFoundException => MediaError.Of(ErrorCategory.InputMissing, exception.Message),
        _ => MediaError.Of(ErrorCategory.Internal, $"{exception.GetType().Name}: {exception.Message}"),
    };

    /// <summary>A failure while writing or placing an output: never the input's fault.</summary>
    public static MediaError ClassifyOutput(Exception exception) => exception switch
    {
        UnauthorizedAccessException => MediaError.Of(ErrorCategory.PermissionDenied, exception.Message),
        IOException io when (io.HResult & 0xFFFF) == NoSpaceLeft || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase)
            => MediaError.Of(ErrorCategory.DiskFull, io.Message),
        _ => MediaError.Of(ErrorCategory.OutputUnwritable, "The output path cannot be made or written: " + exception.Message),
    };

    private static bool Names(Exception exception, string path)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(path);
        return exception.Message.Contains($"'{trimmed}'", StringComparison.Ordinal)
            || exception.Message.Contains($"'{trimmed}{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            || (exception is FileNotFoundException { FileName: { } file } && (file == trimmed || file.StartsWith(trimmed + Path.DirectorySeparatorChar, StringComparison.Ordinal)));
    }
}
