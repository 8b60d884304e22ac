namespace Spool.Core.Reporting;

/// <summary>One job of a batch: an input with one preset.</summary>
public sealed record JobKey(string Input, string Preset);

/// <summary>
/// Evidence the reports use that a <see cref="Operations.BatchResult"/> does not carry: CPU time per job (from
/// ProcessResult.CpuTime), resource peaks sampled while the batch ran, and JPEG thumbnails of the outputs.
/// Everything is optional; a report without it leaves those fields null or the thumbnails out.
/// </summary>
public sealed record ReportExtras
{
    public IReadOnlyDictionary<JobKey, double> JobCpuSeconds { get; init; } = new Dictionary<JobKey, double>();

    /// <summary>Peak CPU use of the machine during the batch, in percent of one core (400 = four cores busy).</summary>
    public double? PeakCpuPercent { get; init; }

    public long? PeakMemoryBytes { get; init; }

    public IReadOnlyDictionary<JobKey, byte[]> Thumbnails { get; init; } = new Dictionary<JobKey, byte[]>();
}
