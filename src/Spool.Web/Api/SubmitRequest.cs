namespace Spool.Web.Api;

/// <summary>
/// The body of POST /api/batches: the same choices as <c>spool submit</c>'s flags, by their snake_case names.
/// Paths must be absolute: the server's working folder means nothing to the person at the page.
/// </summary>
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

    /// <summary>fail | warn (default fail).</summary>
    public string? QcPolicy { get; init; }

    public int MaxConcurrent { get; init; } = 2;

    public int RetryCount { get; init; }

    /// <summary>continue | stop (default continue).</summary>
    public string? ErrorHandling { get; init; }

    public double? TimeoutSeconds { get; init; }

    /// <summary>medium | high | ultra.</summary>
    public string? Quality { get; init; }

    /// <summary>fast | balanced | high_quality.</summary>
    public string? Mode { get; init; }

    public int Thumbnails { get; init; }

    public bool Sprite { get; init; }

    public bool Hls { get; init; }

    public bool NormalizeAudio { get; init; }

    public bool DenoiseAudio { get; init; }

    public bool DenoiseVideo { get; init; }

    public bool Stabilize { get; init; }
}
