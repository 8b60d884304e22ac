using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Spool.Media.Errors;

namespace Spool.Core.Steps.Subtitles;

/// <summary>
/// An OpenAI-compatible speech service (OpenAI itself, or a local server speaking the same API): the audio is posted
/// to /v1/audio/transcriptions as multipart form data with response_format=verbose_json and segment timestamps, in
/// pieces of at most ten minutes (OpenAI takes 25 MB a request). A refusal (4xx) is permanent ("unsupported", with
/// the service's message); a busy or failing service (429, 5xx), a network error or an HTTP timeout is "timeout",
/// which the queue retries.
/// </summary>
public sealed class OpenAiTranscriber : ITranscriber
{
    public const string DefaultModel = "whisper-1";

    public static readonly Uri DefaultUrl = new("https://api.openai.com/v1/audio/transcriptions");

    private readonly HttpClient http;
    private readonly Uri endpoint;
    private readonly string apiKey;
    private readonly string model;

    public OpenAiTranscriber(HttpClient http, Uri endpoint, string apiKey, string model = DefaultModel)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(apiKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        if (apiKey.Length > 0 && !MayCarryKey(endpoint))
        {
            throw new ArgumentException($"An API key is never sent over plain http to another machine ({endpoint.Host}).", nameof(endpoint));
        }

        this.http = http;
        this.endpoint = Endpoint(endpoint);
        this.apiKey = apiKey;
        this.model = model;
    }

    public string Name => "openai";

    /// <summary>The longest piece of audio sent in one request (ten minutes of 16 kHz mono is 19 MB).</summary>
    public TimeSpan PieceLength { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether a key may travel to <paramref name="url"/>: over https, or plain http only to this machine.</summary>
    public static bool MayCarryKey(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback);
    }

    /// <summary>
    /// The transcription endpoint for what a user gives: a full ".../audio/transcriptions" URL as is, a base ending in
    /// "/v1" (the OpenAI clients' convention) gets "/audio/transcriptions", any other base "/v1/audio/transcriptions".
    /// </summary>
    public static Uri Endpoint(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = url.AbsolutePath.TrimEnd('/');
        var suffix = path.EndsWith("/audio/transcriptions", StringComparison.OrdinalIgnoreCase) ? ""
            : path.EndsWith("/v1", StringComparison.OrdinalIgnoreCase) ? "/audio/transcriptions"
            : "/v1/audio/transcriptions";
        return new UriBuilder(url) { Path = path + suffix }.Uri;
    }

    public async Task<TranscriptOutcome> TranscribeAsync(string wav16kMono, string language, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(wav16kMono);
        ArgumentNullException.ThrowIfNull(language);
        var segments = new List<SpeechSegment>();
        var total = Wav16kMono.DurationSeconds(wav16kMono);
        await foreach (var (offset, wav) in WavChunks.ReadAsync(wav16kMono, PieceLength, cancellationToken))
        {
            var (piece, error) = await PostAsync(wav, language, offset, cancellationToken);
            if (error is not null)
            {
                return TranscriptOutcome.Failed(error, []);
            }

            segments.AddRange(piece!);
            progress?.Report(total > 0 ? Math.Min(1, (offset + PieceLength).TotalSeconds / total) : 1);
        }

        return TranscriptOutcome.Recognised(segments, []);
    }

    private async Task<(IReadOnlyList<SpeechSegment>? Segments, MediaError? Error)> PostAsync(
        byte[] wav, string language, TimeSpan offset, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        var audio = new ByteArrayContent(wav);
        audio.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(audio, "file", "audio.wav");
        form.Add(new StringContent(model), "model");
        form.Add(new StringContent("verbose_json"), "response_format");
        form.Add(new StringContent("segment"), "timestamp_granularities[]");
        var code = language.Trim().Split('-', '_')[0].ToLowerInvariant();
        if (code is not ("auto" or ""))
        {
            form.Add(new StringContent(code), "language");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = form };
        if (apiKey.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (null, Refused(response.StatusCode, OpenAiJson.ErrorMessage(body)));
            }

            var segments = OpenAiJson.Parse(body, offset);
            return segments is null
                ? (null, MediaError.Of(ErrorCategory.Unsupported, $"The transcription service at {endpoint} did not answer with verbose_json segments."))
                : (segments, null);
        }
        catch (HttpRequestException e)
        {
            return (null, Transient($"The transcription service at {endpoint} cannot be reached: {e.Message}"));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, Transient($"The transcription service at {endpoint} did not answer in time."));
        }
    }

    private MediaError Refused(HttpStatusCode status, string message)
    {
        var said = string.Create(CultureInfo.InvariantCulture, $"The transcription service at {endpoint} answered {(int)status} {status}: {message}");
        return (int)status is 429 or >= 500
            ? Transient(said)
            : new MediaError(ErrorCategory.Unsupported, said, "Check --transcriber-url, SPOOL_TRANSCRIBER_KEY and the model the service offers.");
    }

    private static MediaError Transient(string message) =>
        new(ErrorCategory.Timeout, message, "The service is busy or unreachable; the job is retried, or run it again later.");
}
