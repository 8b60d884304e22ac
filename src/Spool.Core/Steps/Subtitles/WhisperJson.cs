using System.Text.Json;

namespace Spool.Core.Steps.Subtitles;

/// <summary>
/// Reads whisper.cpp's "-oj" output (pure): {"transcription": [{"offsets": {"from": ms, "to": ms}, "text": "…"}]}.
/// Segments whose text is whisper's marker for silence ("[BLANK_AUDIO]") or empty are dropped. Null when the text is
/// not that JSON.
/// </summary>
public static class WhisperJson
{
    public static IReadOnlyList<SpeechSegment>? Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("transcription", out var transcription) || transcription.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var segments = new List<SpeechSegment>();
            foreach (var item in transcription.EnumerateArray())
            {
                if (!item.TryGetProperty("offsets", out var offsets)
                    || !offsets.TryGetProperty("from", out var from) || !from.TryGetInt64(out var fromMs)
                    || !offsets.TryGetProperty("to", out var to) || !to.TryGetInt64(out var toMs))
                {
                    return null;
                }

                var text = item.TryGetProperty("text", out var value) ? value.GetString()?.Trim() ?? "" : "";
                if (text.Length > 0 && !text.Equals("[BLANK_AUDIO]", StringComparison.OrdinalIgnoreCase))
                {
                    segments.Add(new SpeechSegment(TimeSpan.FromMilliseconds(fromMs), TimeSpan.FromMilliseconds(Math.Max(fromMs, toMs)), text));
                }
            }

            return segments;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
