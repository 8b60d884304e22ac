using Spool.Cli.Commands;
using Spool.Media.Errors;

namespace Spool.Cli.Tests;

/// <summary>spool frames: exit 0 when every video gave its frames, 1 when one failed (the others still run), 2 for usage errors.</summary>
public sealed class FramesCommandTests(FramesMedia media) : IClassFixture<FramesMedia>
{
    private readonly string _output = Path.Combine(media.Folder, "out-" + Guid.NewGuid().ToString("N"));

    private string Clip => media.Clip;

    private string SameStem => media.SameStem;

    private string Output => _output;

    [Fact]
    public async Task One_video_writes_its_frames_straight_into_the_folder()
    {
        Assert.Equal(0, await SpoolApp.RunAsync(["frames", Clip, "--count", "3", "--output", Output]));
        Assert.Equal(["a_0001.jpg", "a_0002.jpg", "a_0003.jpg"], Directory.GetFiles(Output).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Several_videos_get_a_folder_each_and_a_bad_one_fails_alone()
    {
        string[] args =
        [
            "frames", Clip, SameStem, Path.Combine(media.Folder, "missing.mp4"), media.Broken,
            "--every", "1", "--format", "png", "--size", "80x80", "--output", Output, "--max-concurrent", "2",
        ];

        Assert.Equal(1, await SpoolApp.RunAsync(args));

        Assert.Equal(["a_0001.png", "a_0002.png"], Directory.GetFiles(Path.Combine(Output, "a")).Select(Path.GetFileName).Order());
        Assert.Equal(["a_2_0001.png", "a_2_0002.png"], Directory.GetFiles(Path.Combine(Output, "a_2")).Select(Path.GetFileName).Order());
        Assert.Empty(Directory.GetFiles(Output, "*.partial.*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_failed_video_is_named_with_its_category_and_a_hint()
    {
        var error = MediaError.Of(ErrorCategory.InputMissing, "/in/missing.mp4 does not exist.");
        Assert.Equal(
            "spool: missing.mp4: /in/missing.mp4 does not exist. [input_missing]\n  hint: " + ErrorCategory.InputMissing.DefaultHint(),
            FramesCommand.Describe("missing.mp4", error));
    }

    [Fact]
    public void Clashing_stems_are_made_unique_in_input_order()
    {
        var targets = FramesCommand.Targets(["/x/a.mp4", "/y/A.mov", "/z/a.mkv", "/w/b.mp4"], "/out");
        Assert.Equal(["/out/a", "/out/A_2", "/out/a_3", "/out/b"], targets.Select(t => t.Folder));
        Assert.Equal(["a", "A_2", "a_3", "b"], targets.Select(t => t.Stem));
        Assert.Equal("/out", Assert.Single(FramesCommand.Targets(["/x/a.mp4"], "/out")).Folder);
    }

    [Theory]
    [InlineData("--output", "OUT")]
    [InlineData("--count", "2", "--every", "1", "--output", "OUT")]
    [InlineData("--count", "0", "--output", "OUT")]
    [InlineData("--every", "0", "--output", "OUT")]
    [InlineData("--every", "-1", "--output", "OUT")]
    [InlineData("--count", "2")]
    [InlineData("--count", "2", "--output", "OUT", "--size", "640by360")]
    [InlineData("--count", "2", "--output", "OUT", "--size", "0x360")]
    [InlineData("--count", "2", "--output", "OUT", "--format", "gif")]
    [InlineData("--count", "2", "--output", "OUT", "--max-concurrent", "0")]
    public async Task Usage_errors_exit_2_before_any_frame_is_taken(params string[] options)
    {
        string[] args = ["frames", Clip, .. options.Select(o => o == "OUT" ? Output : o)];
        Assert.Equal(2, await SpoolApp.RunAsync(args));
        Assert.False(Directory.Exists(Output));
    }
}

/// <summary>A 2 s 160x120 clip, a copy of it under the same stem elsewhere, and a file that is no video, made once.</summary>
public sealed class FramesMedia : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "spool-frames-cli-" + Guid.NewGuid().ToString("N"));

    public string Clip => Path.Combine(Folder, "a.mp4");

    public string SameStem => Path.Combine(Folder, "other", "a.mp4");

    public string Broken => Path.Combine(Folder, "broken.mp4");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "other"));
        await CliMedia.FfmpegAsync("-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10:duration=2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", Clip);
        File.Copy(Clip, SameStem);
        await File.WriteAllBytesAsync(Broken, [0, 0, 0, 24, 102, 116, 121, 112, 1, 2, 3, 4]);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
