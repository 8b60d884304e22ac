using Spool.Core.Steps.Subtitles;
using Spool.Media.Errors;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Steps.Subtitles;

public sealed class WhisperTranscriberTests : IDisposable
{
    // whisper-cli -oj output (whisper.cpp 1.7), shortened: the fields Spool reads, and some it ignores.
    private const string Output = """
        {
        	"systeminfo": "AVX = 1 | AVX2 = 1",
        	"model": {"type": "base", "multilingual": false},
        	"params": {"model": "models/ggml-base.en.bin", "language": "en", "translate": false},
        	"result": {"language": "en"},
        	"transcription": [
        		{
        			"timestamps": {"from": "00:00:00,000", "to": "00:00:02,120"},
        			"offsets": {"from": 0, "to": 2120},
        			"text": " Hello world."
        		},
        		{
        			"timestamps": {"from": "00:00:02,120", "to": "00:00:03,000"},
        			"offsets": {"from": 2120, "to": 3000},
        			"text": " [BLANK_AUDIO]"
        		},
        		{
        			"timestamps": {"from": "00:00:03,000", "to": "00:00:05,640"},
        			"offsets": {"from": 3000, "to": 5640},
        			"text": " This is a \"test\" of the subtitle system."
        		}
        	]
        }
        """;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "spool-whisper-" + Guid.NewGuid().ToString("N"));

    public WhisperTranscriberTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Segments_are_read_from_the_json_and_silence_markers_dropped()
    {
        var segments = WhisperJson.Parse(Output);

        Assert.Equal(
            [
                new SpeechSegment(TimeSpan.Zero, TimeSpan.FromMilliseconds(2120), "Hello world."),
                new SpeechSegment(TimeSpan.FromMilliseconds(3000), TimeSpan.FromMilliseconds(5640), "This is a \"test\" of the subtitle system."),
            ],
            segments);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"result\": {}}")]
    [InlineData("{\"transcription\": [{\"text\": \"no times\"}]}")]
    public void Other_text_is_not_a_transcript(string text)
    {
        Assert.Null(WhisperJson.Parse(text));
    }

    [Fact]
    public async Task Whisper_cli_runs_on_the_wav_and_its_json_becomes_segments()
    {
        var runner = new FakeWhisper(writes: Output);
        var wav = Path.Combine(folder, "clip.speech.partial.wav");
        var transcriber = new WhisperTranscriber(runner, "/opt/whisper/whisper-cli", "/models/ggml-base.bin");

        var outcome = await transcriber.TranscribeAsync(wav, "en-US", null, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error?.Message);
        Assert.Equal(2, outcome.Segments.Count);
        var prefix = Path.Combine(folder, "clip.speech.partial.whisper");
        Assert.Equal("/opt/whisper/whisper-cli", runner.Request!.FileName);
        Assert.Equal(["-m", "/models/ggml-base.bin", "-f", wav, "-l", "en", "-oj", "-of", prefix, "-np"], runner.Request.Arguments);
        Assert.False(File.Exists(prefix + ".json"), "the JSON is removed after reading");
    }

    [Fact]
    public async Task Whisper_cli_that_writes_no_json_is_a_failure_with_its_last_words()
    {
        var runner = new FakeWhisper(writes: null, stderr: "error: failed to open 'x.bin' as a model\n");
        var transcriber = new WhisperTranscriber(runner, "whisper-cli", "x.bin");

        var outcome = await transcriber.TranscribeAsync(Path.Combine(folder, "a.wav"), "de", null, CancellationToken.None);

        Assert.Equal(ErrorCategory.FfmpegFailed, outcome.Error?.Category);
        Assert.Contains("failed to open 'x.bin' as a model", outcome.Error!.Message, StringComparison.Ordinal);
    }

    /// <summary>Plays whisper-cli: writes the JSON where "-of" says, exits 0 like the real one even when it fails.</summary>
    private sealed class FakeWhisper(string? writes, string stderr = "") : IProcessRunner
    {
        public ProcessRequest? Request { get; private set; }

        public async Task<ProcessResult> RunAsync(ProcessRequest request, IProgress<FfmpegProgress>? progress, CancellationToken cancellationToken)
        {
            Request = request;
            if (writes is not null)
            {
                var prefix = request.Arguments[request.Arguments.ToList().IndexOf("-of") + 1];
                await File.WriteAllTextAsync(prefix + ".json", writes, cancellationToken);
            }

            return new ProcessResult(ProcessEnd.Exited, 0, "", stderr, request.FileName, TimeSpan.Zero);
        }
    }
}
