namespace Spool.Cli;

/// <summary>DESIGN.md's exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int JobsFailed = 1;
    public const int Usage = 2;
    public const int Environment = 3;

    /// <summary>An unexpected exception: a bug in Spool, never "some jobs failed" (1).</summary>
    public const int Internal = 4;
    public const int Interrupted = 130;
}
