using System.Globalization;

namespace Spool.Cli.Tests;

/// <summary>Issue 11: `spool plan` prints every command a batch would run for an input, media steps included, in order.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class PlanCommandTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-plan-" + Guid.NewGuid().ToString("N"));

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
    public async Task Plan_prints_the_analysis_passes_the_encode_and_every_step_in_the_order_they_run()
    {
        var output = Path.Combine(_folder, "out");
        var (code, text) = await RunAsync([
            "plan", Path.Combine(_folder, "clip.mp4"), "--preset", "fast_draft", "--output", output,
            "--normalize-audio", "--stabilize", "--color", "auto", "--thumbnails", "2", "--sprite", "--hls", "--subtitles", "sidecar",
        ]);

        Assert.Equal(0, code);
        var titles = text.Split('\n').Where(line => line.StartsWith("# ", StringComparison.Ordinal) && !line.StartsWith("#   ", StringComparison.Ordinal)).Select(line => line[2..]).ToList();
        Assert.Equal(
            [
                Path.Combine(_folder, "clip.mp4"),
                "subtitles: speech audio",
                "subtitles: speech recognition (pocketsphinx)",
                "loudness analysis (pass 1)",
                "stabilisation analysis (vidstabdetect)",
                "colour analysis",
                "encode",
                "thumbnail 1 of 2",
                "thumbnail 2 of 2",
                "sprite",
                "hls",
            ],
            titles);
        var commands = CommandsAfterTitles(text);
        var metadata = Path.Combine(output, "clip", "metadata");
        Assert.Contains("-ac 1 -ar 16000 -c:a pcm_s16le", commands["subtitles: speech audio"], StringComparison.Ordinal);
        Assert.EndsWith(Path.Combine(metadata, "clip.speech.wav"), commands["subtitles: speech audio"], StringComparison.Ordinal);
        Assert.Contains("asr=rate=16000", commands["subtitles: speech recognition (pocketsphinx)"], StringComparison.Ordinal);
        Assert.EndsWith("-map 0:1 -vn -af loudnorm=I=-16:TP=-1.5:LRA=11:print_format=json -f null -", commands["loudness analysis (pass 1)"], StringComparison.Ordinal);
        Assert.Contains("vidstabdetect=", commands["stabilisation analysis (vidstabdetect)"], StringComparison.Ordinal);
        Assert.Contains("signalstats", commands["colour analysis"], StringComparison.Ordinal);
        var encode = commands["encode"];
        Assert.Contains("measured_I=<from pass 1>:measured_TP=<from pass 1>:measured_LRA=<from pass 1>", encode, StringComparison.Ordinal);
        Assert.Contains("vidstabtransform=input=", encode, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(metadata, "clip.trf"), encode, StringComparison.Ordinal);
        Assert.Contains("eq=<from colour analysis>", encode, StringComparison.Ordinal);
        Assert.EndsWith(Path.Combine(output, "clip", "thumbnails", "clip_02.jpg"), commands["thumbnail 2 of 2"], StringComparison.Ordinal);
        Assert.Contains("tile=layout=", commands["sprite"], StringComparison.Ordinal);
        Assert.EndsWith(Path.Combine(output, "clip", "thumbnails", "clip_sprite.jpg"), commands["sprite"], StringComparison.Ordinal);
        Assert.Contains("-f hls", commands["hls"], StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), "A dry run made its output folder.");
    }

    [Fact]
    public async Task Plan_shows_identical_presets_as_one_encode_and_copies_of_its_output()
    {
        var output = Path.Combine(_folder, "out");
        var (code, text) = await RunAsync(["plan", Path.Combine(_folder, "clip.mp4"), "--preset", "social_media,instagram,tiktok", "--output", output]);

        Assert.Equal(0, code);
        var titles = text.Split('\n').Where(line => line.StartsWith("# ", StringComparison.Ordinal) && !line.StartsWith("#   ", StringComparison.Ordinal)).Select(line => line[2..]).ToList();
        Assert.Equal([Path.Combine(_folder, "clip.mp4"), "encode", "instagram: copy of social_media's output", "tiktok: copy of social_media's output"], titles);
        var encode = CommandsAfterTitles(text)["encode"];
        // One video encode; the other -c:v is its report thumbnail's JPEG.
        Assert.Equal(["libx264", "mjpeg"], encode.Split(' ').Zip(encode.Split(' ').Skip(1)).Where(pair => pair.First == "-c:v").Select(pair => pair.Second));
        Assert.DoesNotContain("clip_instagram", encode, StringComparison.Ordinal);
        Assert.False(CommandsAfterTitles(text).ContainsKey("instagram: copy of social_media's output"), "a copy runs no command");
    }

    [Fact]
    public async Task Plan_shows_the_reports_thumbnail_as_one_more_output_of_the_encode()
    {
        var output = Path.Combine(_folder, "out");
        var (code, text) = await RunAsync(["plan", Path.Combine(_folder, "clip.mp4"), "--preset", "fast_draft", "--output", output]);

        // The 1 s clip's middle is 0.5 s; fast_draft caps it at 24 fps, and the thumbnail is of that picture.
        Assert.Equal(0, code);
        var encode = CommandsAfterTitles(text)["encode"];
        Assert.Contains(",fps=24,format=yuv420p,split=2[v0][t0];[t0]select=gte(t\\,0.5)*isnan(prev_selected_t),scale=160:-2[j0]", encode, StringComparison.Ordinal);
        var jpeg = Path.Combine(output, "clip", "video", "clip_fast_draft.partial.jpg");
        Assert.EndsWith($"-map '[j0]' -c:v mjpeg -q:v 5 -an -fps_mode passthrough -update 1 -f image2 file:{jpeg}", encode, StringComparison.Ordinal);
    }

    // Each "# title" line followed by its command line.
    private static Dictionary<string, string> CommandsAfterTitles(string text)
    {
        var lines = text.Split('\n');
        var commands = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            if (lines[i].StartsWith("# ", StringComparison.Ordinal) && !lines[i + 1].StartsWith('#') && lines[i + 1].Length > 0)
            {
                commands[lines[i][2..]] = lines[i + 1];
            }
        }

        return commands;
    }

    private static async Task<(int Code, string Output)> RunAsync(string[] args)
    {
        var original = Console.Out;
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        Console.SetOut(output);
        try
        {
            return (await SpoolApp.RunAsync(args), output.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }
}
