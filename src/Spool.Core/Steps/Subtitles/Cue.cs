namespace Spool.Core.Steps.Subtitles;

/// <summary>One subtitle on screen: when it appears, when it goes, and its text (at most two lines, joined by "\n").</summary>
public sealed record Cue(TimeSpan Start, TimeSpan End, string Text);

/// <summary>
/// What a speech engine recognised: a stretch of speech with its text, and its words with their own times when the
/// engine gives them (whisper's and OpenAI's segments often do not; pocketsphinx's words are estimated by Spool).
/// </summary>
public sealed record SpeechSegment(TimeSpan Start, TimeSpan End, string Text)
{
    public IReadOnlyList<TimedWord> Words { get; init; } = [];
}

public sealed record TimedWord(TimeSpan Start, TimeSpan End, string Text);
