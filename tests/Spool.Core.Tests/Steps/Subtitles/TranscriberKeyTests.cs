using System.Buffers.Binary;
using System.Net;
using System.Text;
using Spool.Core.Steps.Subtitles;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Steps.Subtitles;

/// <summary>
/// The worker's SPOOL_TRANSCRIBER_KEY goes only to the endpoint named beside it (SPOOL_TRANSCRIBER_URL, else OpenAI's),
/// never to a URL a submitter chose, and never over plain http to another machine. The environment is passed in.
/// </summary>
public sealed class TranscriberKeyTests : IDisposable
{
    private const string Answer = """{"segments": [{"start": 0.0, "end": 0.5, "text": " Hi."}]}""";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "spool-key-" + Guid.NewGuid().ToString("N"));
    private readonly Recorder recorder = new();
    private readonly HttpClient http;

    public TranscriberKeyTests()
    {
        Directory.CreateDirectory(folder);
        http = new HttpClient(recorder);
    }

    public void Dispose()
    {
        http.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task The_endpoint_configured_beside_the_key_gets_it()
    {
        var choice = Choose(new TranscriberSettings { Engine = "openai", ApiKey = "sk-worker", KeyUrl = "http://127.0.0.1:9/v1" });

        await TranscribeAsync(choice);

        Assert.Equal([("http://127.0.0.1:9/v1/audio/transcriptions", "Bearer sk-worker")], recorder.Seen);
    }

    [Fact]
    public async Task A_submitter_naming_the_same_endpoint_another_way_gets_the_key_sent_there()
    {
        var choice = Choose(new TranscriberSettings { Url = new Uri("https://speech.example.com/v1/audio/transcriptions"), ApiKey = "sk-worker", KeyUrl = "https://SPEECH.example.com" });

        await TranscribeAsync(choice);

        Assert.Equal([("https://speech.example.com/v1/audio/transcriptions", "Bearer sk-worker")], recorder.Seen);
    }

    [Fact]
    public async Task A_local_endpoint_named_by_a_submitter_is_used_without_the_key()
    {
        var choice = Choose(new TranscriberSettings { Url = new Uri("http://127.0.0.1:8000"), ApiKey = "sk-worker", KeyUrl = "https://speech.example.com" });

        await TranscribeAsync(choice);

        Assert.Equal([("http://127.0.0.1:8000/v1/audio/transcriptions", (string?)null)], recorder.Seen);
    }

    [Theory]
    [InlineData("https://collector.example.net", "https://speech.example.com", "https://speech.example.com/v1/audio/transcriptions")]
    [InlineData("http://collector.example.net", "https://speech.example.com", "https://speech.example.com/v1/audio/transcriptions")]
    [InlineData("https://collector.example.net", null, "https://api.openai.com/v1/audio/transcriptions")]
    public void A_remote_endpoint_named_by_a_submitter_is_refused_and_gets_nothing(string submitted, string? configured, string keyEndpoint)
    {
        var choice = Choose(new TranscriberSettings { Url = new Uri(submitted), ApiKey = "sk-worker", KeyUrl = configured });

        Assert.Null(choice.Transcriber);
        Assert.True(choice.IsUsageProblem);
        Assert.Equal(
            $"--transcriber-url {new Uri(submitted)} is not the endpoint the key is for: SPOOL_TRANSCRIBER_KEY is sent only to {keyEndpoint} (SPOOL_TRANSCRIBER_URL on the worker).",
            choice.Problem);
        Assert.Empty(recorder.Seen);
    }

    [Fact]
    public void A_key_configured_for_plain_http_to_another_host_is_refused()
    {
        var choice = Choose(new TranscriberSettings { Engine = "openai", ApiKey = "sk-worker", KeyUrl = "http://speech.example.com" });

        Assert.Null(choice.Transcriber);
        Assert.Equal("SPOOL_TRANSCRIBER_URL http://speech.example.com/ is plain http to another machine: the key in SPOOL_TRANSCRIBER_KEY is sent only over https (or to this machine).", choice.Problem);
    }

    [Fact]
    public void A_configured_url_that_is_not_http_is_refused()
    {
        var choice = Choose(new TranscriberSettings { Engine = "openai", ApiKey = "sk-worker", KeyUrl = "speech.example.com" });

        Assert.Equal("SPOOL_TRANSCRIBER_URL 'speech.example.com' is not an http(s) URL.", choice.Problem);
    }

    [Fact]
    public void The_transcriber_itself_never_takes_a_key_for_plain_http_to_another_host()
    {
        var error = Assert.Throws<ArgumentException>(() => new OpenAiTranscriber(http, new Uri("http://speech.example.com"), "sk-worker"));

        Assert.StartsWith("An API key is never sent over plain http to another machine (speech.example.com).", error.Message, StringComparison.Ordinal);
    }

    private TranscriberChoice Choose(TranscriberSettings settings) => TranscriberSelection.Choose(settings, new ProcessRunner(), "ffmpeg", http);

    private async Task TranscribeAsync(TranscriberChoice choice)
    {
        Assert.True(choice.Transcriber is OpenAiTranscriber, choice.Problem);
        var outcome = await choice.Transcriber.TranscribeAsync(HalfSecondOfSilence(), "en", null, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error?.Message);
    }

    /// <summary>A plain 16 kHz mono 16-bit WAV of half a second.</summary>
    private string HalfSecondOfSilence()
    {
        const int Data = 16000;
        var wav = new byte[44 + Data];
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
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), Data);
        var path = Path.Combine(folder, "silence.wav");
        File.WriteAllBytes(path, wav);
        return path;
    }

    /// <summary>Stands in for every speech service: records where each request went and the key it carried.</summary>
    private sealed class Recorder : HttpMessageHandler
    {
        public List<(string Uri, string? Authorization)> Seen { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen.Add((request.RequestUri!.ToString(), request.Headers.Authorization?.ToString()));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Answer, Encoding.UTF8, "application/json") });
        }
    }
}
