using Spool.Media.Errors;
using Spool.Media.Processes;

namespace Spool.Core.Steps.Subtitles;

/// <summary>What the user asked for (--transcriber, --language, --whisper-model, --transcriber-url, the key).</summary>
public sealed record TranscriberSettings
{
    /// <summary>"pocketsphinx", "whisper", "openai", or null to choose (see <see cref="TranscriberSelection"/>).</summary>
    public string? Engine { get; init; }

    public string Language { get; init; } = "en";

    public string? WhisperModel { get; init; }

    /// <summary>whisper-cli: a path, or a name looked up on <see cref="SearchPath"/> ($SPOOL_WHISPER_CLI, else "whisper-cli").</summary>
    public string WhisperCli { get; init; } = "whisper-cli";

    /// <summary>--transcriber-url: stored with the batch, so chosen by whoever submitted it.</summary>
    public Uri? Url { get; init; }

    /// <summary>$SPOOL_TRANSCRIBER_KEY, the worker's own.</summary>
    public string? ApiKey { get; init; }

    /// <summary>$SPOOL_TRANSCRIBER_URL: the one endpoint <see cref="ApiKey"/> is sent to (default OpenAI's).</summary>
    public string? KeyUrl { get; init; }

    public string OpenAiModel { get; init; } = OpenAiTranscriber.DefaultModel;

    public string PocketsphinxModelFolder { get; init; } = PocketsphinxTranscriber.DebianModelFolder;

    /// <summary>The PATH to find whisper-cli on (passed in: no globals here).</summary>
    public string? SearchPath { get; init; }
}

/// <summary>The engine to use, or what is wrong: a usage mistake (exit 2) or a missing part of the machine (exit 3).</summary>
public sealed record TranscriberChoice(ITranscriber? Transcriber, string? Problem, bool IsUsageProblem)
{
    /// <summary>The problem as a job's error, for a worker that meets it while a batch runs.</summary>
    public MediaError? Error => Problem is null ? null : new MediaError(ErrorCategory.Unsupported, Problem, "See 'spool process --help' for --subtitles.");
}

/// <summary>
/// Chooses the speech engine. Without --transcriber: whisper when --whisper-model is given, openai when
/// --transcriber-url is, else pocketsphinx, the offline default when Debian's model is installed. Every missing part
/// gets a message that says how to get it (the package to install, the flag to pass).
/// </summary>
public static class TranscriberSelection
{
    public static TranscriberChoice Choose(TranscriberSettings settings, IProcessRunner runner, string ffmpegPath, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var engine = settings.Engine?.Trim().ToLowerInvariant() switch
        {
            null or "" or "auto" => settings.WhisperModel is not null ? "whisper" : settings.Url is not null ? "openai" : "pocketsphinx",
            var named => named,
        };
        return engine switch
        {
            "pocketsphinx" => Pocketsphinx(settings, runner, ffmpegPath),
            "whisper" => Whisper(settings, runner),
            "openai" => OpenAi(settings, http),
            _ => Usage($"--transcriber '{settings.Engine}' is not an engine; use pocketsphinx, whisper or openai."),
        };
    }

    private static TranscriberChoice Pocketsphinx(TranscriberSettings settings, IProcessRunner runner, string ffmpegPath)
    {
        if (!PocketsphinxTranscriber.Supports(settings.Language))
        {
            return Usage($"pocketsphinx recognises English only; for --language {settings.Language} pass --transcriber whisper --whisper-model PATH or --transcriber openai.");
        }

        return PocketsphinxTranscriber.HasModel(settings.PocketsphinxModelFolder)
            ? new(new PocketsphinxTranscriber(runner, ffmpegPath, settings.PocketsphinxModelFolder), null, false)
            : Environment($"the pocketsphinx English model is not installed ({settings.PocketsphinxModelFolder}); install it with 'apt-get install pocketsphinx-en-us' (./spool does), or pass --transcriber whisper --whisper-model PATH or --transcriber openai.");
    }

    private static TranscriberChoice Whisper(TranscriberSettings settings, IProcessRunner runner)
    {
        if (settings.WhisperModel is not { Length: > 0 } model)
        {
            return Usage("--transcriber whisper needs --whisper-model PATH (a ggml model file for whisper.cpp, e.g. ggml-base.en.bin).");
        }

        if (!File.Exists(model))
        {
            return Usage($"--whisper-model '{model}' does not exist.");
        }

        return Executable(settings.WhisperCli, settings.SearchPath) is { } cli
            ? new(new WhisperTranscriber(runner, cli, Path.GetFullPath(model)), null, false)
            : Environment($"'{settings.WhisperCli}' was not found. {WhisperTranscriber.InstallHint}");
    }

    /// <summary>
    /// The key is the worker's, the URL may be a submitter's: the key goes only to the endpoint configured beside it
    /// (SPOOL_TRANSCRIBER_URL, else OpenAI's), and never over plain http to another machine. A submitter may still name
    /// a service on the worker's own machine, which gets no key.
    /// </summary>
    private static TranscriberChoice OpenAi(TranscriberSettings settings, HttpClient http)
    {
        var key = settings.ApiKey ?? "";
        Uri? keyUrl = null;
        if (settings.KeyUrl is { Length: > 0 } configured && (!Uri.TryCreate(configured, UriKind.Absolute, out keyUrl) || !IsHttp(keyUrl)))
        {
            return Usage($"SPOOL_TRANSCRIBER_URL '{configured}' is not an http(s) URL.");
        }

        var keyEndpoint = OpenAiTranscriber.Endpoint(keyUrl ?? OpenAiTranscriber.DefaultUrl);
        var url = settings.Url ?? keyUrl ?? OpenAiTranscriber.DefaultUrl;
        if (!IsHttp(url))
        {
            return Usage($"--transcriber-url '{url}' is not an http(s) URL.");
        }

        var keyed = key.Length > 0 && string.Equals(OpenAiTranscriber.Endpoint(url).AbsoluteUri, keyEndpoint.AbsoluteUri, StringComparison.Ordinal);
        if (keyed && !OpenAiTranscriber.MayCarryKey(url))
        {
            return Usage($"SPOOL_TRANSCRIBER_URL {keyUrl} is plain http to another machine: the key in SPOOL_TRANSCRIBER_KEY is sent only over https (or to this machine).");
        }

        // A local server usually takes no key; a remote one always does, so a missing key is a mistake worth stopping for.
        if (!keyed && !url.IsLoopback)
        {
            return key.Length == 0
                ? Usage($"--transcriber openai needs an API key for {url.Host}: set SPOOL_TRANSCRIBER_KEY (and SPOOL_TRANSCRIBER_URL to that service) where the workers run.")
                : Usage($"--transcriber-url {url} is not the endpoint the key is for: SPOOL_TRANSCRIBER_KEY is sent only to {keyEndpoint} (SPOOL_TRANSCRIBER_URL on the worker).");
        }

        return new(new OpenAiTranscriber(http, url, keyed ? key : "", settings.OpenAiModel), null, false);
    }

    private static bool IsHttp(Uri url) => url.IsAbsoluteUri && url.Scheme is "http" or "https";

    /// <summary>A path as is when it exists; a bare name from the first folder of the search path that holds it.</summary>
    public static string? Executable(string name, string? searchPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(name) ? Path.GetFullPath(name) : null;
        }

        return (searchPath ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
    }

    private static TranscriberChoice Usage(string problem) => new(null, problem, true);

    private static TranscriberChoice Environment(string problem) => new(null, problem, false);
}
