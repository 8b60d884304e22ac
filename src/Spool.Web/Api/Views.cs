using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spool.Web.Api;

/// <summary>A batch as the API shows it; <see cref="Jobs"/> only on GET /api/batches/{id}.</summary>
internal sealed record BatchView(
    string Id,
    string State,
    string Priority,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    string Output,
    int TotalInputs,
    IReadOnlyDictionary<string, int> Counts,
    double Progress,
    double? EtaSeconds)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? JobsTotal { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<JobView>? Jobs { get; init; }
}

/// <summary>One job. <see cref="Progress"/> is 0..1 (1 once succeeded, null before it runs); <see cref="Qc"/> is its QC record as stored.</summary>
internal sealed record JobView(
    long Id,
    string Input,
    string InputName,
    string Preset,
    string State,
    int Attempts,
    double? Progress,
    double? Fps,
    double? Speed,
    double? EtaSeconds,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Output,
    ErrorView? Error,
    JsonElement? Qc)
{
    /// <summary>The preset whose identical output was copied to make this job's; null when it was encoded.</summary>
    public string? CopiedFrom { get; init; }

    /// <summary>On a chunk job: the output it is a part of, its number of how many and its span; null on every other job.</summary>
    public Core.Queue.JobChunk? Chunk { get; init; }

    /// <summary>How the output was made ("encode", "copy", "copy_video"); null for a step or a job not yet done.</summary>
    public string? Method { get; init; }

    /// <summary>Why a skipped job did no work ("up to date"); null otherwise.</summary>
    public string? Reason { get; init; }
}

internal sealed record ErrorView(string Category, string Message, string Hint);

internal sealed record BatchList(int Total, IReadOnlyList<BatchView> Batches);
