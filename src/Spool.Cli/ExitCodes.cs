namespace Spool.Cli;

/// <summary>DESIGN.md's exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int JobsFailed = 1;
    public const int Usage = 2;
    public const int Environment = 3;
    public const int Interrupted = 130;
}
