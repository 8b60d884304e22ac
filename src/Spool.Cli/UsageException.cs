namespace Spool.Cli;

/// <summary>A usage or configuration mistake: the message names the flag or line; the exit code is 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The environment cannot run Spool (no ffmpeg, no store): exit code 3.</summary>
internal sealed class EnvironmentException(string message) : Exception(message);
