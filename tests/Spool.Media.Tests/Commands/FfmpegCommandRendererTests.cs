using Spool.Media.Commands;

namespace Spool.Media.Tests.Commands;

public sealed class FfmpegCommandRendererTests
{
    [Fact]
    public void Small_command_renders_to_exact_tokens()
    {
        var video = new VideoEncoding("libx264")
        {
            Preset = "medium",
            Crf = 23,
            Profile = "high",
            PixelFormat = "yuv420p",
            MaxRateKbps = 3000,
            KeyframeInterval = 60,
        };
        var audio = new AudioEncoding("aac") { BitrateKbps = 128, Channels = 2, SampleRate = 48_000 };
        var output = new FfmpegOutput("/out/a.partial.mp4", ["[v0]", "0:1"], video, audio)
        {
            Threads = 2,
            FpsMode = "vfr",
            StripMetadata = true,
            FastStart = true,
            Format = "mp4",
        };
        var scale = new Filter("scale", FilterArg.Positional("1280"), FilterArg.Positional("720"));
        var graph = new FilterGraph([new FilterChain(["0:0"], [scale], ["v0"])]);
        var command = new FfmpegCommand([new FfmpegInput("/in/a.mp4")], graph, [output]) { FilterThreads = 2 };

        string[] expected =
        [
            "-hide_banner", "-y", "-progress", "pipe:1", "-nostats", "-filter_complex_threads", "2",
            "-i", "file:/in/a.mp4",
            "-filter_complex", "[0:0]scale=1280:720[v0]",
            "-map", "[v0]", "-map", "0:1",
            "-c:v", "libx264", "-preset", "medium", "-crf", "23", "-profile:v", "high", "-pix_fmt", "yuv420p",
            "-maxrate", "3000k", "-bufsize", "6000k", "-g", "60",
            "-threads", "2",
            "-c:a", "aac", "-b:a", "128k", "-ac", "2", "-ar", "48000",
            "-fps_mode", "vfr",
            "-map_metadata", "-1", "-map_chapters", "-1",
            "-movflags", "+faststart",
            "-f", "mp4",
            "file:/out/a.partial.mp4",
        ];
        Assert.Equal(expected, FfmpegCommandRenderer.Render(command));
    }

    [Fact]
    public void Command_without_progress_or_graph_has_only_inputs_and_outputs()
    {
        var command = new FfmpegCommand([new FfmpegInput("a.mkv", ["-ss", "5"])], null, [new FfmpegOutput("b.mkv", ["0"], VideoEncoding.Copy, AudioEncoding.Copy)])
        {
            ReportsProgress = false,
        };

        Assert.Equal(
            ["-hide_banner", "-y", "-ss", "5", "-i", "file:a.mkv", "-map", "0", "-c:v", "copy", "-c:a", "copy", "file:b.mkv"],
            FfmpegCommandRenderer.Render(command));
    }

    [Fact]
    public void Copy_codecs_ignore_their_encoder_settings()
    {
        var video = VideoEncoding.Copy with { Crf = 18, Preset = "slow" };
        var audio = AudioEncoding.Copy with { BitrateKbps = 128, Channels = 2 };
        var command = new FfmpegCommand([new FfmpegInput("a.mp4")], null, [new FfmpegOutput("b.mp4", ["0:v:0", "0:a:0?"], video, audio)])
        {
            ReportsProgress = false,
        };

        Assert.Equal(
            ["-hide_banner", "-y", "-i", "file:a.mp4", "-map", "0:v:0", "-map", "0:a:0?", "-c:v", "copy", "-c:a", "copy", "file:b.mp4"],
            FfmpegCommandRenderer.Render(command));
    }

    [Fact]
    public void Missing_video_or_audio_renders_vn_and_an()
    {
        var audioOnly = new FfmpegOutput("a.m4a", ["0:a:0"], null, new AudioEncoding("aac"));
        var videoOnly = new FfmpegOutput("v.mp4", ["0:v:0"], VideoEncoding.Copy, null);
        var command = new FfmpegCommand([new FfmpegInput("in.mp4")], null, [audioOnly, videoOnly]) { ReportsProgress = false };

        Assert.Equal(
            [
                "-hide_banner", "-y", "-i", "file:in.mp4",
                "-map", "0:a:0", "-vn", "-c:a", "aac", "file:a.m4a",
                "-map", "0:v:0", "-c:v", "copy", "-an", "file:v.mp4",
            ],
            FfmpegCommandRenderer.Render(command));
    }

    [Theory]
    [InlineData("-rf.mp4", "file:-rf.mp4")]
    [InlineData("/tmp/-x/clip.mp4", "file:/tmp/-x/clip.mp4")]
    [InlineData("http:clip.mp4", "file:http:clip.mp4")]
    [InlineData("name with spaces.mov", "file:name with spaces.mov")]
    public void Paths_are_file_urls_so_dashes_and_colons_stay_paths(string path, string token)
    {
        var command = new FfmpegCommand([new FfmpegInput(path)], null, [new FfmpegOutput(path + ".out", ["0"], VideoEncoding.Copy, null)])
        {
            ReportsProgress = false,
        };

        var tokens = FfmpegCommandRenderer.Render(command);

        Assert.Equal(["-i", token], tokens.Skip(2).Take(2));
        Assert.Equal(token + ".out", tokens[^1]);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a:b", @"a\\:b")]
    [InlineData("a,b", @"a\,b")]
    [InlineData("[x]", @"\[x\]")]
    [InlineData("a;b", @"a\;b")]
    [InlineData("it's", @"it\\\'s")]
    [InlineData(@"C:\dir", @"C\\:\\\\dir")]
    public void Filter_values_are_escaped_for_the_filter_and_the_graph_parser(string value, string rendered)
    {
        var graph = new FilterGraph([new FilterChain(["0:0"], [new Filter("drawtext", ("text", value))], ["v"])]);

        Assert.Equal($"[0:0]drawtext=text={rendered}[v]", FfmpegCommandRenderer.RenderGraph(graph));
    }

    [Fact]
    public void Graph_joins_chains_with_semicolons_and_filters_with_commas()
    {
        var graph = new FilterGraph(
        [
            new FilterChain(["0:1"], [new Filter("yadif"), new Filter("split", FilterArg.Positional("2"))], ["a", "b"]),
            new FilterChain(["a"], [new Filter("scale", ("w", "640"), ("h", "-2"))], ["v0"]),
            new FilterChain(["b"], [new Filter("null")], ["v1"]),
        ]);

        Assert.Equal("[0:1]yadif,split=2[a][b];[a]scale=w=640:h=-2[v0];[b]null[v1]", FfmpegCommandRenderer.RenderGraph(graph));
    }

    [Theory]
    [InlineData("libx264", new[] { "-c:v", "libx264", "-crf", "23", "-x264-params", "ssim=1:psnr=1", "-an", "file:/out/a.mp4" })]
    [InlineData("h264_nvenc", new[] { "-c:v", "h264_nvenc", "-crf", "23", "-an", "file:/out/a.mp4" })]
    public void Quality_stats_are_asked_of_libx264_only(string codec, string[] expected)
    {
        var video = new VideoEncoding(codec) { Crf = 23, ReportsQuality = true };
        var command = new FfmpegCommand([new FfmpegInput("/in/a.mp4")], null, [new FfmpegOutput("/out/a.mp4", [], video, null)]) { ReportsProgress = false };

        Assert.Equal(["-hide_banner", "-y", "-i", "file:/in/a.mp4", .. expected], FfmpegCommandRenderer.Render(command));
    }
}
