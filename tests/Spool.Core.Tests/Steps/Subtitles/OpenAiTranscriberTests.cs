using System.Buffers.Binary;
using System.Net;
using System.Text;
using Spool.Core.Steps.Subtitles;
using Spool.Media.Errors;

namespace Spool.Core.Tests.Steps.Subtitles;

public sealed class OpenAiTranscriberTests : IDisposable
{
    private const string Answer = """
        {"task": "transcribe", "language": "english", "duration": 1.0, "text": "Hello world. Again.",
         "segments": [{"id": 0, "seek": 0, "start": 0.0, "end": 0.62, "text": " Hello world.", "tokens": [50364], "temperature": 0.0},
                      {"id": 1, "seek": 0, "start": 0.7, "end": 0.95, "text": " Again.", "tokens": [50400], "temperature": 0.0}]}
        """;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "spool-openai-" + Guid.NewGuid().ToString("N"));

    public OpenAiTranscriberTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("http://127.0.0.1:8000", "http://127.0.0.1:8000/v1/audio/transcriptions")]
    [InlineData("https://api.example.com/v1/", "https://api.example.com/v1/audio/transcriptions")]
    [InlineData("https://api.example.com/v1/audio/transcriptions", "https://api.example.com/v1/audio/transcriptions")]
    [InlineData("http://box/speech", "http://box/speech/v1/audio/transcriptions")]
    public void The_endpoint_is_completed_from_a_base_url(string given, string expected)
    {
        Assert.Equal(new Uri(expected), OpenAiTranscriber.Endpoint(new Uri(given)));
    }

    [Fact]
    public async Task Audio_is_posted_as_multipart_and_segments_come_back_shifted_per_piece()
    {
        var handler = new FakeService(HttpStatusCode.OK, Answer);
        using var http = new HttpClient(handler);
        var transcriber = new OpenAiTranscriber(http, new Uri("http://127.0.0.1:9/"), "sk-test") { PieceLength = TimeSpan.FromSeconds(1) };
        var wav = WriteWav(seconds: 2.5);

        var outcome = await transcriber.TranscribeAsync(wav, "en", null, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error?.Message);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(
            [0, 620, 700, 950, 1000, 1620, 1700, 1950, 2000, 2620, 2700, 2950],
            outcome.Segments.SelectMany(s => new[] { (int)s.Start.TotalMilliseconds, (int)s.End.TotalMilliseconds }));
        var first = handler.Requests[0];
        Assert.Equal("http://127.0.0.1:9/v1/audio/transcriptions", first.Uri);
        Assert.Equal("Bearer sk-test", first.Authorization);
        Assert.Contains("name=model\r\n\r\nwhisper-1\r\n", first.Body, StringComparison.Ordinal);
        Assert.Contains("name=response_format\r\n\r\nverbose_json\r\n", first.Body, StringComparison.Ordinal);
        Assert.Contains("name=\"timestamp_granularities[]\"\r\n\r\nsegment\r\n", first.Body, StringComparison.Ordinal);
        Assert.Contains("name=language\r\n\r\nen\r\n", first.Body, StringComparison.Ordinal);
        Assert.Contains("name=file; filename=audio.wav", first.Body, StringComparison.Ordinal);

        // Each piece is a WAV of its own: 1 s, 1 s, then the last half second of 16 kHz 16-bit mono.
        Assert.Equal([32000, 32000, 16000], handler.Requests.Select(r => r.WavDataBytes));
    }

    [Fact]
    public async Task A_refusal_is_permanent_and_quotes_the_service()
    {
        using var http = new HttpClient(new FakeService(HttpStatusCode.Unauthorized, """{"error": {"message": "Incorrect API key provided."}}"""));
        var transcriber = new OpenAiTranscriber(http, new Uri("https://api.example.com"), "bad");

        var outcome = await transcriber.TranscribeAsync(WriteWav(0.5), "en", null, CancellationToken.None);

        Assert.Equal(ErrorCategory.Unsupported, outcome.Error?.Category);
        Assert.Contains("401 Unauthorized: Incorrect API key provided.", outcome.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_busy_service_is_a_transient_failure()
    {
        using var http = new HttpClient(new FakeService(HttpStatusCode.ServiceUnavailable, "overloaded"));
        var transcriber = new OpenAiTranscriber(http, new Uri("https://api.example.com"), "key");

        var outcome = await transcriber.TranscribeAsync(WriteWav(0.5), "auto", null, CancellationToken.None);

        Assert.Equal(ErrorCategory.Timeout, outcome.Error?.Category);
        Assert.True(outcome.Error!.Category.IsTransient());
    }

    /// <summary>A 16 kHz mono WAV laid out as ffmpeg writes it: a LIST chunk between "fmt " and "data".</summary>
    private string WriteWav(double seconds)
    {
        var data = (int)(seconds * 16000) * 2;
        var list = "LIST\u0004\0\0\0INFO"u8.ToArray();
        var wav = new byte[12 + 24 + list.Length + 8 + data];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), wav.Length - 8);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), 16000);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), 32000);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 16);
        list.CopyTo(wav, 36);
        "data"u8.CopyTo(wav.AsSpan(36 + list.Length));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40 + list.Length), data);
        var path = Path.Combine(folder, "speech.wav");
        File.WriteAllBytes(path, wav);
        return path;
    }

    private sealed record Seen(string Uri, string? Authorization, string Body, int WavDataBytes);

    /// <summary>An in-process stand-in for the service: records each request and answers with a fixed response.</summary>
    private sealed class FakeService(HttpStatusCode status, string answer) : HttpMessageHandler
    {
        public List<Seen> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            var riff = body.AsSpan().IndexOf("RIFF"u8);
            var dataBytes = riff < 0 ? -1 : BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(riff + 40));
            Requests.Add(new Seen(request.RequestUri!.ToString(), request.Headers.Authorization?.ToString(), Encoding.Latin1.GetString(body), dataBytes));
            return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
        }
    }
}
