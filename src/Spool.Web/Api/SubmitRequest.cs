using System.Text.Json.Serialization;
using Spool.Core.Operations;

namespace Spool.Web.Api;

/// <summary>
/// The body of POST /api/batches: the same choices as <c>spool submit</c>'s flags, by their snake_case names (time
/// limits as timeout_seconds and stall_timeout_seconds). Defaults and checks are <see cref="BatchSettingsBuilder"/>'s,
/// the same as the CLI's. Paths must be absolute: the server's working folder means nothing to the person at the page.
/// A field this API does not know is an error, never silently dropped.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record SubmitRequest
{
    public IReadOnlyList<string>? Inputs { get; init; }

    /// <summary>Default ["auto"].</summary>
    public IReadOnlyList<string>? Presets { get; init; }

    /// <summary>Default: batch_output inside the first input's folder.</summary>
    public string? Output { get; init; }

    public string? Priority { get; init; }

    public bool Recursive { get; init; }

    public string? Pattern { get; init; }

    /// <summary>off | quick | full (default quick).</summary>
    public string? Qc { get; init; }

    /// <summary>fail | warn | discard (default fail: the output is kept as name.qc-failed.mp4).</summary>
    public string? QcPolicy { get; init; }

    /// <summary>Work items of this batch at once, across all workers; absent: the workers decide.</summary>
    public int? MaxConcurrent { get; init; }

    /// <summary>fixed | adaptive | smart | sequential (default fixed).</summary>
    public string? ParallelStrategy { get; init; }

    public double? CpuThreshold { get; init; }

    public double? MemoryThreshold { get; init; }

    /// <summary>GB.</summary>
    public double? MaxMemory { get; init; }

    public int? RetryCount { get; init; }

    /// <summary>continue | stop (default continue).</summary>
    public string? ErrorHandling { get; init; }

    public double? TimeoutSeconds { get; init; }

    public double? StallTimeoutSeconds { get; init; }

    public bool QcRetry { get; init; }

    /// <summary>auto (default) | off | seconds as text ("6"): when long inputs are encoded in chunks.</summary>
    public string? Chunk { get; init; }

    /// <summary>Redo every job, even one whose output is up to date.</summary>
    public bool Force { get; init; }

    public double? MinSsim { get; init; }

    public double? MinPsnr { get; init; }

    public double? MaxDurationDelta { get; init; }

    public double? MaxPeakDb { get; init; }

    public double? MaxCompressionRatio { get; init; }

    /// <summary>quick | thorough (default quick).</summary>
    public string? Validate { get; init; }

    /// <summary>medium | high | ultra.</summary>
    public string? Quality { get; init; }

    /// <summary>fast | balanced | high_quality.</summary>
    public string? Mode { get; init; }

    /// <summary>auto (default) | none | cuda | vaapi | qsv: a GPU encoder where the worker's machine proved it.</summary>
    public string? Hwaccel { get; init; }

    public int? Thumbnails { get; init; }

    public bool Sprite { get; init; }

    public bool Hls { get; init; }

    public string? HlsLadder { get; init; }

    /// <summary>Comma-separated platforms (youtube, instagram, ...).</summary>
    public string? Export { get; init; }

    public bool NormalizeAudio { get; init; }

    public double? Loudness { get; init; }

    public double? TruePeak { get; init; }

    public double? Lra { get; init; }

    public bool DenoiseAudio { get; init; }

    public bool DenoiseVideo { get; init; }

    public bool Stabilize { get; init; }

    /// <summary>auto, or eq settings ("brightness=0.05:contrast=1.1").</summary>
    public string? Color { get; init; }

    /// <summary>sidecar | soft | burn.</summary>
    public string? Subtitles { get; init; }

    public string? Transcriber { get; init; }

    public string? Language { get; init; }

    public string? WhisperModel { get; init; }

    public string? TranscriberUrl { get; init; }

    /// <summary>The builder's request; <paramref name="output"/> is the output folder (given or defaulted).</summary>
    public BatchRequest ToBatchRequest(string output) => new()
    {
        OutputDirectory = output,
        Presets = Presets is { Count: > 0 } names ? string.Join(',', names) : null,
        Export = Export,
        Quality = Quality,
        Mode = Mode,
        Hwaccel = Hwaccel,
        Priority = Priority,
        ErrorHandling = ErrorHandling,
        MaxConcurrent = MaxConcurrent,
        ParallelStrategy = ParallelStrategy,
        CpuThreshold = CpuThreshold,
        MemoryThreshold = MemoryThreshold,
        MaxMemoryGb = MaxMemory,
        RetryCount = RetryCount,
        TimeoutSeconds = TimeoutSeconds,
        StallTimeoutSeconds = StallTimeoutSeconds,
        Qc = Qc,
        QcPolicy = QcPolicy,
        QcRetry = QcRetry,
        Chunk = Chunk,
        Force = Force,
        MinSsim = MinSsim,
        MinPsnr = MinPsnr,
        MaxDurationDelta = MaxDurationDelta,
        MaxPeakDb = MaxPeakDb,
        MaxCompressionRatio = MaxCompressionRatio,
        Validate = Validate,
        NormalizeAudio = NormalizeAudio,
        Loudness = Loudness,
        TruePeak = TruePeak,
        LoudnessRange = Lra,
        DenoiseAudio = DenoiseAudio,
        Thumbnails = Thumbnails,
        Sprite = Sprite,
        Hls = Hls,
        HlsLadder = HlsLadder,
        Subtitles = Subtitles,
        Transcriber = Transcriber,
        Language = Language,
        WhisperModel = WhisperModel,
        TranscriberUrl = TranscriberUrl,
        Stabilize = Stabilize,
        Color = Color,
        DenoiseVideo = DenoiseVideo,
    };
}
