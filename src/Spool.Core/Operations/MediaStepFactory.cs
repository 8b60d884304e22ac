using Spool.Core.Steps;
using Spool.Core.Steps.Hls;
using Spool.Core.Steps.Images;
using Spool.Core.Steps.Subtitles;
using Spool.Media.Errors;
using Spool.Media.Processes;

namespace Spool.Core.Operations;

/// <summary>
/// Builds a batch's steps from its stored <see cref="OperationSettings"/> on the machine that runs them: the
/// transcriber is chosen here (its model or binary must exist where the work runs) and the endpoint's key is read
/// from SPOOL_TRANSCRIBER_KEY here, never stored with the batch, with SPOOL_TRANSCRIBER_URL, the one place it may go.
/// </summary>
internal sealed class MediaStepFactory(IProcessRunner runner, MediaTools tools, OperationSettings operations, bool canToneMap) : IDisposable
{
    private HttpClient? http;

    public IMediaStep Create(string name) => name switch
    {
        StepNamesOf.Thumbnails => new ThumbnailsStep(runner, tools.Ffmpeg, operations.Thumbnails),
        StepNamesOf.Sprite => new SpriteStep(runner, tools.Ffmpeg),
        StepNamesOf.Hls => Hls(),
        StepNamesOf.Subtitles => Subtitles(),
        _ => throw new ArgumentException($"'{name}' is not a media step.", nameof(name)),
    };

    public void Dispose() => http?.Dispose();

    // --hls-ladder was checked when the batch was submitted; a stored batch edited since fails the step, not the worker.
    private IMediaStep Hls() => operations.HlsLadder is null
        ? HlsStep(HlsLadder.Default)
        : HlsLadder.Parse(operations.HlsLadder) switch
        {
            HlsLadderParse.Parsed parsed => HlsStep(parsed.Ladder),
            HlsLadderParse.Invalid invalid => new UnavailableStep(StepNamesOf.Hls, MediaError.Of(ErrorCategory.Unsupported, "--hls-ladder: " + invalid.Message)),
            _ => throw new InvalidOperationException("Unknown ladder parse."),
        };

    private HlsStep HlsStep(HlsLadder ladder) => new(runner, tools.Ffmpeg, ladder) { Encoding = new HlsEncoding { CanToneMap = canToneMap } };

    private IMediaStep Subtitles()
    {
        http ??= new HttpClient { Timeout = TimeSpan.FromMinutes(15) };
        var settings = new TranscriberSettings
        {
            Engine = operations.Transcriber,
            Language = operations.Language,
            WhisperModel = operations.WhisperModel,
            WhisperCli = Environment.GetEnvironmentVariable("SPOOL_WHISPER_CLI") is { Length: > 0 } cli ? cli : "whisper-cli",
            Url = operations.TranscriberUrl is { } url ? new Uri(url) : null,
            ApiKey = Environment.GetEnvironmentVariable("SPOOL_TRANSCRIBER_KEY"),
            KeyUrl = Environment.GetEnvironmentVariable("SPOOL_TRANSCRIBER_URL"),
            SearchPath = Environment.GetEnvironmentVariable("PATH"),
        };
        var choice = TranscriberSelection.Choose(settings, runner, tools.Ffmpeg, http);
        return choice.Transcriber is { } transcriber
            ? new SubtitlesStep(runner, tools.Ffmpeg, transcriber, operations.Language)
            : new UnavailableStep(StepNamesOf.Subtitles, choice.Error!);
    }

    /// <summary>A step that cannot run on this machine: it fails with the reason, like any other failed step.</summary>
    private sealed class UnavailableStep(string name, MediaError error) : IMediaStep
    {
        public string Name => name;

        public Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken) =>
            Task.FromResult(StepOutcome.Failed(error, []));
    }
}
