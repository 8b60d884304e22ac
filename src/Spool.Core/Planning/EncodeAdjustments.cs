namespace Spool.Core.Planning;

/// <summary>
/// What media operations change in the encode itself, decided before planning (an analysis pass measured the source,
/// a subtitle step wrote its SRT). The planner renders it into both the fused command and each separate one:
/// <list type="bullet">
/// <item><see cref="VideoFilters"/> run after the common filters (deinterlace, tone-map; frames are already upright)
/// and before the split to the outputs and each output's scale, so they run once per decode and see the source's
/// size. Entries are complete, already escaped filter texts ("eq=contrast=1.2", a "subtitles=…" burn) and are put in
/// the graph as they are, in order.</item>
/// <item><see cref="AudioFilters"/> run on the source's primary audio before each output's downmix and encoder;
/// with several outputs they run once, before an asplit, so an analysis-derived loudnorm is computed once.</item>
/// <item><see cref="SubtitleTrackPath"/>: an SRT file muxed into every output as a mov_text stream (a second input),
/// tagged with <see cref="SubtitleLanguage"/> (ISO 639-2, e.g. "eng") when given.</item>
/// </list>
/// </summary>
public sealed record EncodeAdjustments
{
    public static EncodeAdjustments None { get; } = new();

    public IReadOnlyList<string> VideoFilters { get; init; } = [];

    public IReadOnlyList<string> AudioFilters { get; init; } = [];

    public string? SubtitleTrackPath { get; init; }

    public string? SubtitleLanguage { get; init; }

    public bool IsEmpty => VideoFilters.Count == 0 && AudioFilters.Count == 0 && SubtitleTrackPath is null;

    /// <summary>
    /// These adjustments, then <paramref name="next"/>'s: filters are appended in that order (so a subtitle burn
    /// given last is drawn over the corrected picture); the subtitle track is <paramref name="next"/>'s when it has one.
    /// </summary>
    public EncodeAdjustments Then(EncodeAdjustments next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return new EncodeAdjustments
        {
            VideoFilters = [.. VideoFilters, .. next.VideoFilters],
            AudioFilters = [.. AudioFilters, .. next.AudioFilters],
            SubtitleTrackPath = next.SubtitleTrackPath ?? SubtitleTrackPath,
            SubtitleLanguage = next.SubtitleTrackPath is null ? SubtitleLanguage : next.SubtitleLanguage,
        };
    }
}
