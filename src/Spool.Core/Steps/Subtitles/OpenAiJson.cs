using System.Text.Json;

namespace Spool.Core.Steps.Subtitles;

/// <summary>
/// Reads an OpenAI-compatible "verbose_json" transcription (pure): {"segments": [{"start": s, "end": s, "text": "…"}]},
/// shifted by the offset of the piece of audio it came from. Null when the text is not that JSON.
/// </summary>
public static class OpenAiJson
{
    public static IReadOnlyList<SpeechSegment>? Parse(string json, TimeSpan offset)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("segments", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var segments = new List<SpeechSegment>();
            foreach (var item in items.EnumerateArray())
            {
                if (!item.TryGetProperty("start", out var start) || !start.TryGetDouble(out var startSeconds)
                    || !item.TryGetProperty("end", out var end) || !end.TryGetDouble(out var endSeconds))
                {
                    return null;
                }

                var text = item.TryGetProperty("text", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : "";
                if (text.Length > 0)
                {
                    segments.Add(new SpeechSegment(offset + Seconds(startSeconds), offset + Seconds(Math.Max(startSeconds, endSeconds)), text));
                }
            }

            return segments;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The service's own message from {"error": {"message": "…"}}, else the body's start.</summary>
    public static string ErrorMessage(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                return message.GetString()!;
            }
        }
        catch (JsonException)
        {
        }

        var text = body.ReplaceLineEndings(" ").Trim();
        return text.Length <= 200 ? text : text[..199] + "…";
    }

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromMilliseconds(Math.Round(Math.Max(0, seconds) * 1000));
}
