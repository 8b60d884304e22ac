using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Core.Quality.Checks;
using Spool.Core.Queue;
using Spool.Media.Processes;

namespace Spool.Core.Operations;

public enum ErrorHandling
{
    /// <summary>Keep going past failed jobs (the default).</summary>
    Continue,

    /// <summary>Stop admitting work after the first failure and cancel what runs.</summary>
    Stop,
}

/// <summary>Everything a batch run needs to know besides its inputs.</summary>
public sealed record BatchSettings(
    IReadOnlyList<Preset> Presets,
    PlanOptions PlanOptions,
    string OutputDirectory,
    int MaxConcurrent,
    ErrorHandling ErrorHandling,
    int ProcessorCount)
{
    /// <summary>Per-job limit (--timeout); null for none.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>A job whose ffmpeg shows no progress for this long ends as stalled.</summary>
    public TimeSpan StallTimeout { get; init; } = RunLimits.DefaultStallTimeout;

    /// <summary>The limits of every ffmpeg this batch's jobs run: the encodes, analysis passes, QC and steps alike.</summary>
    public RunLimits RunLimits => new(Timeout, StallTimeout);

    /// <summary>How workers admit this batch's work items: its strategy, its own concurrency limit, its thresholds.</summary>
    public BatchAdmission Admission { get; init; } = BatchAdmission.Unlimited;

    /// <summary>What each output is checked for after it is written (default quick).</summary>
    public QcMode? Qc { get; init; } = QcMode.Quick;

    /// <summary>Warn instead of failing the job when a QC check fails.</summary>
    public bool QcWarnOnly { get; init; }

    /// <summary>
    /// Delete an output that failed QC. Otherwise (the default) it is kept beside its final name as
    /// <c>name.qc-failed.mp4</c> and the job's error says where: a failed check never destroys the user's work.
    /// </summary>
    public bool QcDiscard { get; init; }

    /// <summary>The user's QC bars, over each preset's own.</summary>
    public QcOverrides QcBars { get; init; } = QcOverrides.None;

    /// <summary>Re-encode once at a higher quality when QC fails.</summary>
    public bool QcRetry { get; init; }

    /// <summary>
    /// Redo every job (--force). Otherwise a job whose input, plan and output are as the store recorded them when it
    /// last succeeded ends at once as skipped, "up to date".
    /// </summary>
    public bool Force { get; init; }

    /// <summary>Decode every input fully before planning (the quick probe-sanity check always runs).</summary>
    public bool ValidateThoroughly { get; init; }

    /// <summary>Media operations besides the encodes: loudness, cleanup, thumbnails, sprite, HLS, subtitles.</summary>
    public OperationSettings Operations { get; init; } = OperationSettings.None;

    /// <summary>The steps of <see cref="Operations"/> this run should do (a resumed work item may need only some).</summary>
    public IReadOnlySet<string>? StepsToRun { get; init; }

    /// <summary>When long inputs are encoded in chunks, each a job of its own (--chunk auto|off|SECONDS).</summary>
    public Chunking.ChunkSetting Chunk { get; init; } = Chunking.ChunkSetting.Auto;

    /// <summary>Thread budget per ffmpeg: the cores shared out among the jobs that run at once.</summary>
    public int ThreadsPerJob => Math.Max(1, ProcessorCount / Math.Max(1, MaxConcurrent));
}
