using System.Diagnostics;
using Spool.Cli.Commands;

namespace Spool.Cli.Tests;

/// <summary>spool subtitles burn|mux: the SRT is checked before any encode; outputs appear only when complete.</summary>
public sealed class SubtitlesCommandTests(SubtitlesCommandTests.Media media) : IClassFixture<SubtitlesCommandTests.Media>
{
    private const string Srt = "1\n00:00:00,200 --> 00:00:01,800\nSubtitles from a file\n\n";

    private readonly string _folder = media.Folder;

    private string Video => Path.Combine(_folder, "video.mp4");

    private string Subtitles => Path.Combine(_folder, "my subs, final.srt");

    [Fact]
    public async Task Burn_writes_a_video_without_a_subtitle_stream()
    {
        var output = Path.Combine(_folder, "out", "burned.mp4");

        Assert.Equal(0, await SpoolApp.RunAsync(["subtitles", "burn", Video, Subtitles, "--output", output]));

        Assert.Equal("video\naudio", await StreamTypesAsync(output));
        Assert.Equal(["burned.mp4"], Directory.GetFiles(Path.GetDirectoryName(output)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Mux_adds_a_mov_text_track_with_its_language()
    {
        var output = Path.Combine(_folder, "muxed.mp4");

        Assert.Equal(0, await SpoolApp.RunAsync(["subtitles", "mux", Video, Subtitles, "--output", output, "--language", "de"]));

        Assert.Equal("video\naudio\nsubtitle", await StreamTypesAsync(output));
        Assert.Equal("mov_text,deu", await RunAsync("ffprobe", "-v", "error", "-select_streams", "s", "-show_entries", "stream=codec_name:stream_tags=language", "-of", "csv=p=0", output));
    }

    [Fact]
    public async Task A_broken_srt_exits_2_naming_its_line_and_writes_nothing()
    {
        var broken = Path.Combine(_folder, "broken.srt");
        await File.WriteAllTextAsync(broken, Srt + "2\n00:00:02 --> 00:00:03\nno milliseconds\n");
        var output = Path.Combine(_folder, "never.mp4");

        Assert.Equal(2, await SpoolApp.RunAsync(["subtitles", "burn", Video, broken, "--output", output]));

        var problem = Assert.Throws<UsageException>(() => SubtitlesCommand.Validate(Video, broken, output));
        Assert.Contains("is not a valid SRT file: line 6: expected a timing line", problem.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("mux", "out.webm", null)]
    [InlineData("burn", "out.avi", null)]
    [InlineData("mux", "out.mp4", "klingon")]
    [InlineData("mux", "out.mp4", "missing.srt")]
    public async Task Bad_arguments_exit_2(string verb, string output, string? problem)
    {
        List<string> args = ["subtitles", verb, Video, problem == "missing.srt" ? Path.Combine(_folder, problem) : Subtitles, "--output", Path.Combine(_folder, output)];
        if (problem == "klingon")
        {
            args.AddRange(["--language", problem]);
        }

        Assert.Equal(2, await SpoolApp.RunAsync([.. args]));
    }

    [Fact]
    public async Task A_video_ffmpeg_cannot_read_exits_1_and_leaves_no_partial_file()
    {
        var notVideo = Path.Combine(_folder, "notes.mp4");
        await File.WriteAllTextAsync(notVideo, "not a video");

        Assert.Equal(1, await SpoolApp.RunAsync(["subtitles", "mux", notVideo, Subtitles, "--output", Path.Combine(_folder, "x", "out.mp4")]));
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder, "x")));
    }

    private static Task<string> StreamTypesAsync(string path) =>
        RunAsync("ffprobe", "-v", "error", "-show_entries", "stream=codec_type", "-of", "csv=p=0", path);

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, stderr);
        return (await stdout).Trim();
    }

    /// <summary>A 2 s 320x240 clip and an SRT, made once for the class.</summary>
    public sealed class Media : IAsyncLifetime
    {
        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "spool-subtitles-cli-" + Guid.NewGuid().ToString("N"));

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(Folder);
            await File.WriteAllTextAsync(Path.Combine(Folder, "my subs, final.srt"), Srt);
            await RunAsync("ffmpeg", "-hide_banner", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=2", "-f", "lavfi", "-i", "sine=duration=2",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", Path.Combine(Folder, "video.mp4"));
        }

        public Task DisposeAsync()
        {
            Directory.Delete(Folder, recursive: true);
            return Task.CompletedTask;
        }
    }
}
