namespace Spool.Core.Operations;

/// <summary>
/// What a user asks of a batch, as given: flags and a YAML config (CLI) or a JSON body (the API), before any check.
/// Null means "not given": <see cref="BatchSettingsBuilder"/> fills in the defaults, the same ones for both.
/// Choices are the words the user typed ("adaptive", "thorough"); numbers are as given, checked by the builder.
/// </summary>
public sealed record BatchRequest
{
    /// <summary>Where outputs go: an absolute path, resolved by the caller (the CLI from its working folder).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Comma-separated preset names; null or empty: auto (or only the exports when there are some).</summary>
    public string? Presets { get; init; }

    /// <summary>Comma-separated platform exports (youtube, instagram, ...): their canvas presets are added.</summary>
    public string? Export { get; init; }

    public string? Quality { get; init; }

    public string? Mode { get; init; }

    /// <summary>auto | none | cuda | vaapi | qsv: which video encoder family (a GPU one only where doctor's trial proved it).</summary>
    public string? Hwaccel { get; init; }

    public string? Priority { get; init; }

    public string? ErrorHandling { get; init; }

    /// <summary>Work items of this batch at once, across all workers; null leaves it to the workers.</summary>
    public int? MaxConcurrent { get; init; }

    public string? ParallelStrategy { get; init; }

    public double? CpuThreshold { get; init; }

    public double? MemoryThreshold { get; init; }

    public double? MaxMemoryGb { get; init; }

    public int? RetryCount { get; init; }

    public double? TimeoutSeconds { get; init; }

    public double? StallTimeoutSeconds { get; init; }

    public string? Qc { get; init; }

    public string? QcPolicy { get; init; }

    public bool QcRetry { get; init; }

    /// <summary>auto (default) | off | SECONDS: when long inputs are encoded in chunks (see <see cref="Chunking.ChunkRule"/>).</summary>
    public string? Chunk { get; init; }

    /// <summary>Redo every job, even one whose output is up to date (--force).</summary>
    public bool Force { get; init; }

    /// <summary>QC bars over each preset's own (null: the preset's): lowest SSIM 0-1, lowest PSNR dB, largest duration
    /// difference in seconds, highest audio peak dBFS, largest output/source size ratio.</summary>
    public double? MinSsim { get; init; }

    public double? MinPsnr { get; init; }

    public double? MaxDurationDelta { get; init; }

    public double? MaxPeakDb { get; init; }

    public double? MaxCompressionRatio { get; init; }

    public string? Validate { get; init; }

    public bool NormalizeAudio { get; init; }

    public double? Loudness { get; init; }

    public double? TruePeak { get; init; }

    public double? LoudnessRange { get; init; }

    public bool DenoiseAudio { get; init; }

    public int? Thumbnails { get; init; }

    public bool Sprite { get; init; }

    public bool Hls { get; init; }

    public string? HlsLadder { get; init; }

    public string? Subtitles { get; init; }

    public string? Transcriber { get; init; }

    public string? Language { get; init; }

    public string? WhisperModel { get; init; }

    public string? TranscriberUrl { get; init; }

    public bool Stabilize { get; init; }

    public string? Color { get; init; }

    public bool DenoiseVideo { get; init; }
}

/// <summary>A problem with one field of a request: <see cref="Field"/> is the flag's name in snake_case ("max_concurrent").</summary>
public sealed record FieldError(string Field, string Message);
