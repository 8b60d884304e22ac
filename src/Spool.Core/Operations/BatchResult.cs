namespace Spool.Core.Operations;

/// <summary>A finished (or interrupted) batch: every job's result, in input then preset order.</summary>
public sealed record BatchResult(
    string BatchId,
    string OutputDirectory,
    int TotalInputs,
    IReadOnlyList<JobResult> Jobs,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    bool Interrupted)
{
    public int Count(JobStatus status) => Jobs.Count(job => job.Status == status);

    public double WallSeconds => (FinishedAt - StartedAt).TotalSeconds;

    /// <summary>DESIGN.md exit codes: 0 all good, 1 some failed, 130 interrupted.</summary>
    public int ExitCode => Interrupted ? 130 : Jobs.Any(job => job.Status is JobStatus.Failed or JobStatus.Cancelled) ? 1 : 0;
}
