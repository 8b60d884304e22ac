using Spool.Core.Steps.Subtitles;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Steps.Subtitles;

public sealed class TranscriberSelectionTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "spool-engines-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient http = new();

    public TranscriberSelectionTests()
    {
        Directory.CreateDirectory(Path.Combine(folder, "model", "en-us"));
        File.WriteAllText(Path.Combine(folder, "model", "cmudict-en-us.dict"), "");
        File.WriteAllText(Path.Combine(folder, "model", "en-us.lm.bin"), "");
        Directory.CreateDirectory(Path.Combine(folder, "bin"));
        File.WriteAllText(Path.Combine(folder, "bin", "whisper-cli"), "");
        File.WriteAllText(Path.Combine(folder, "ggml-base.bin"), "");
    }

    private TranscriberSettings Installed => new()
    {
        PocketsphinxModelFolder = Path.Combine(folder, "model"),
        SearchPath = "/nonexistent:" + Path.Combine(folder, "bin"),
    };

    public void Dispose()
    {
        http.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Pocketsphinx_is_the_default_when_its_model_is_installed()
    {
        Assert.IsType<PocketsphinxTranscriber>(Choose(Installed).Transcriber);
    }

    [Fact]
    public void Without_the_model_the_default_says_how_to_install_it()
    {
        var choice = Choose(Installed with { PocketsphinxModelFolder = Path.Combine(folder, "none") });

        Assert.Null(choice.Transcriber);
        Assert.False(choice.IsUsageProblem);
        Assert.Contains("apt-get install pocketsphinx-en-us", choice.Problem, StringComparison.Ordinal);
        Assert.Contains("--transcriber whisper", choice.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Pocketsphinx_refuses_other_languages_and_names_the_engines_that_can()
    {
        var choice = Choose(Installed with { Language = "de" });

        Assert.True(choice.IsUsageProblem);
        Assert.Contains("--transcriber whisper --whisper-model PATH or --transcriber openai", choice.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whisper_model_chooses_whisper_and_finds_whisper_cli_on_the_path()
    {
        var choice = Choose(Installed with { WhisperModel = Path.Combine(folder, "ggml-base.bin"), Language = "de" });

        Assert.IsType<WhisperTranscriber>(choice.Transcriber);
    }

    [Theory]
    [InlineData(null, "--transcriber whisper needs --whisper-model PATH")]
    [InlineData("missing.bin", "--whisper-model 'missing.bin' does not exist")]
    public void Whisper_without_a_model_is_a_usage_error(string? model, string expected)
    {
        var choice = Choose(Installed with { Engine = "whisper", WhisperModel = model });

        Assert.True(choice.IsUsageProblem);
        Assert.StartsWith(expected, choice.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Whisper_without_whisper_cli_is_an_environment_problem()
    {
        var choice = Choose(Installed with { WhisperModel = Path.Combine(folder, "ggml-base.bin"), SearchPath = "/nonexistent" });

        Assert.False(choice.IsUsageProblem);
        Assert.Contains("SPOOL_WHISPER_CLI", choice.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_remote_service_needs_a_key_and_a_local_one_does_not()
    {
        var remote = Choose(Installed with { Engine = "openai" });
        var local = Choose(Installed with { Url = new Uri("http://localhost:8000") });
        var keyed = Choose(Installed with { Engine = "openai", ApiKey = "sk-1" });

        Assert.True(remote.IsUsageProblem);
        Assert.Contains("SPOOL_TRANSCRIBER_KEY", remote.Problem, StringComparison.Ordinal);
        Assert.IsType<OpenAiTranscriber>(local.Transcriber);
        Assert.IsType<OpenAiTranscriber>(keyed.Transcriber);
    }

    [Fact]
    public void An_unknown_engine_is_a_usage_error()
    {
        var choice = Choose(Installed with { Engine = "vosk" });

        Assert.True(choice.IsUsageProblem);
        Assert.Equal("--transcriber 'vosk' is not an engine; use pocketsphinx, whisper or openai.", choice.Problem);
    }

    private TranscriberChoice Choose(TranscriberSettings settings) =>
        TranscriberSelection.Choose(settings, new ProcessRunner(), "ffmpeg", http);
}
