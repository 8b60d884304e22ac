namespace Spool.Cli.Tests;

/// <summary>--config FILE: the command's flags as YAML keys, plus inputs; a flag on the command line wins.</summary>
public sealed class BatchConfigFileTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-config-" + Guid.NewGuid().ToString("N"));

    private string Config => Path.Combine(_folder, "batch.yaml");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await CliMedia.ClipAsync(Path.Combine(_folder, "clip.mp4"));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_config_with_inputs_presets_and_operations_plans_like_the_flags()
    {
        await File.WriteAllTextAsync(Config, "inputs: [clip.mp4]\npreset: [web_optimized, mobile_optimized]\nnormalize_audio: true\nthumbnails: 3\nhls_ladder: 360\n");

        Assert.Equal(0, await SpoolApp.RunAsync(["plan", "--config", Config]));
    }

    [Fact]
    public async Task An_unknown_key_is_a_usage_error()
    {
        await File.WriteAllTextAsync(Config, "inputs: [clip.mp4]\nthumbnail_count: 3\n");

        Assert.Equal(2, await SpoolApp.RunAsync(["plan", "--config", Config]));
    }

    [Theory]
    [InlineData("qc: sometimes\n")]
    [InlineData("hls_ladder: 999\n")]
    [InlineData("color: \"brightness=9\"\n")]
    [InlineData("sprite: maybe\n")]
    [InlineData("loudness: -100\n")]
    public async Task A_bad_value_is_a_usage_error(string line)
    {
        await File.WriteAllTextAsync(Config, "inputs: [clip.mp4]\n" + line);

        Assert.Equal(2, await SpoolApp.RunAsync(["plan", "--config", Config]));
    }

    [Fact]
    public async Task A_flag_on_the_command_line_wins_over_the_file()
    {
        await File.WriteAllTextAsync(Config, "inputs: [clip.mp4]\npreset: no_such_preset\n");

        Assert.Equal(2, await SpoolApp.RunAsync(["plan", "--config", Config]));
        Assert.Equal(0, await SpoolApp.RunAsync(["plan", "--config", Config, "--preset", "fast_draft"]));
    }

    [Fact]
    public async Task Without_inputs_anywhere_it_is_a_usage_error()
    {
        await File.WriteAllTextAsync(Config, "preset: fast_draft\n");

        Assert.Equal(2, await SpoolApp.RunAsync(["plan", "--config", Config]));
    }
}
