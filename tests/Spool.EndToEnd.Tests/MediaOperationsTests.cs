using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;

namespace Spool.EndToEnd.Tests;

/// <summary>Issue 5 through ./spool: media operations run as steps of a batch, land in the output tree and in the report.</summary>
public sealed partial class MediaOperationsTests
{
    [Fact]
    public async Task Loudness_thumbnails_sprite_and_hls_on_a_12_second_clip()
    {
        using var temp = new TempFolder("operations");
        var source = temp.Combine("pink.mp4");
        await Ffmpeg.RunAsync(
            "-f", "lavfi", "-i", "testsrc2=s=640x480:r=25:d=12", "-f", "lavfi", "-i", "anoisesrc=color=pink:amplitude=0.03:d=12:r=48000",
            "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", "file:" + source);
        var output = temp.Combine("out");

        var run = await SpoolCli.In(temp).RunAsync(
            "process", source, "--preset", "web_optimized", "--normalize-audio", "--loudness", "-16",
            "--thumbnails", "4", "--sprite", "--hls", "--output", output);

        Assert.True(run.ExitCode == 0, run.Describe());
        var encoded = Path.Combine(output, "pink", "video", "pink_web_optimized.mp4");
        var (integrated, truePeak) = await LoudnessAsync(encoded);
        Assert.True(Math.Abs(integrated - -16) <= 1, $"integrated loudness {integrated} LUFS, expected -16 ± 1");
        Assert.True(truePeak < -1, $"true peak {truePeak} dBTP, expected below -1");

        var thumbnails = Enumerable.Range(1, 4).Select(i => Path.Combine(output, "pink", "thumbnails", $"pink_0{i}.jpg")).ToList();
        Assert.All(thumbnails, file => Assert.True(File.Exists(file), $"missing {file}"));
        Assert.Equal(4, thumbnails.Select(file => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)))).Distinct().Count());

        var vtt = await File.ReadAllTextAsync(Path.Combine(output, "pink", "thumbnails", "pink_sprite.vtt"));
        Assert.StartsWith("WEBVTT", vtt, StringComparison.Ordinal);
        Assert.True(XywhCue().Count(vtt) >= 2, "the sprite track has fewer than two #xywh= cues:\n" + vtt);

        var master = Path.Combine(output, "pink", "hls", "master.m3u8");
        var playlist = await File.ReadAllTextAsync(master);
        Assert.True(Regex.Count(playlist, "#EXT-X-STREAM-INF") >= 2, "master.m3u8 has fewer than two variants:\n" + playlist);
        var decode = await Ffmpeg.DecodeAsync(master);
        Assert.True(decode.ExitCode == 0 && decode.Stderr.Length == 0, "the HLS package does not play cleanly: " + decode.Describe());

        using var metrics = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "summary", "processing_metrics.json")));
        var operations = metrics.RootElement.GetProperty("jobs").EnumerateArray()
            .SelectMany(job => job.GetProperty("operations").EnumerateArray())
            .ToDictionary(op => op.GetProperty("name").GetString()!, op => op.GetProperty("seconds").GetDouble());
        Assert.Equal(["hls", "loudness_analysis", "sprite", "thumbnails"], operations.Keys.Order(StringComparer.Ordinal));
        Assert.All(operations.Values, seconds => Assert.True(seconds > 0));
        var html = await File.ReadAllTextAsync(Path.Combine(output, "summary", "report.html"));
        Assert.All(operations.Keys, name => Assert.Matches(name + @" \d+\.\d s", html));
    }

    [Fact]
    public async Task Export_gives_exact_platform_canvases()
    {
        using var temp = new TempFolder("export");
        var source = temp.Combine("clip.mp4");
        await MediaFactory.ClipAsync(source, new ClipSpec(640, 360, "25", 1));

        var run = await SpoolCli.In(temp).RunAsync("process", source, "--export", "youtube,instagram,twitter", "--qc", "off", "--output", temp.Combine("out"));

        Assert.True(run.ExitCode == 0, run.Describe());
        foreach (var (preset, width, height) in new[] { ("youtube", 1920, 1080), ("instagram", 1080, 1920), ("twitter", 1280, 720) })
        {
            var video = (await Ffmpeg.ProbeAsync(temp.Combine("out", "clip", "video", $"clip_{preset}.mp4"))).Video;
            Assert.True(video is not null && video.Width == width && video.Height == height, $"{preset} is {video?.Width}x{video?.Height}, expected {width}x{height}");
        }
    }

    [Fact]
    public async Task Speech_becomes_sidecar_soft_and_burned_subtitles_offline()
    {
        using var temp = new TempFolder("speech");
        var speech = temp.Combine("speech.wav");
        var espeak = await ToolRun.RunAsync("espeak-ng", ["-w", speech, "Hello world. This is a test of the subtitle system. Thank you for watching."]);
        Assert.True(espeak.ExitCode == 0, "espeak-ng is needed (test.sh installs it): " + espeak.Describe());
        var source = temp.Combine("talk.mp4");
        await Ffmpeg.RunAsync(
            "-f", "lavfi", "-i", "color=c=gray:s=320x240:r=25", "-i", "file:" + speech,
            "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", "file:" + source);

        foreach (var mode in new[] { "soft", "burn" })
        {
            var run = await SpoolCli.In(temp).RunAsync("process", source, "--preset", "fast_draft", "--subtitles", mode, "--qc", "off", "--output", temp.Combine(mode));
            Assert.True(run.ExitCode == 0, run.Describe());
        }

        var srt = await File.ReadAllTextAsync(temp.Combine("soft", "talk", "subtitles", "talk.srt"));
        Assert.Matches(@"\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}\n\S", srt);
        Assert.True(File.Exists(temp.Combine("soft", "talk", "subtitles", "talk.vtt")));
        var soft = await Ffmpeg.ProbeAsync(temp.Combine("soft", "talk", "video", "talk_fast_draft.mp4"));
        Assert.Contains(soft.Streams, stream => stream.CodecType == "subtitle" && stream.CodecName == "mov_text");
        var burned = await Ffmpeg.ProbeAsync(temp.Combine("burn", "talk", "video", "talk_fast_draft.mp4"));
        Assert.DoesNotContain(burned.Streams, stream => stream.CodecType == "subtitle");

        // The burned picture differs from the plain one where the text is: its brightest pixel is white text on gray.
        var plainMax = await MaxLumaAsync(temp.Combine("soft", "talk", "video", "talk_fast_draft.mp4"));
        var burnedMax = await MaxLumaAsync(temp.Combine("burn", "talk", "video", "talk_fast_draft.mp4"));
        Assert.True(burnedMax > plainMax + 50, $"burned picture max luma {burnedMax}, plain {plainMax}: no text was drawn");
    }

    private static async Task<(double Integrated, double TruePeak)> LoudnessAsync(string path)
    {
        var run = await ToolRun.RunAsync("ffmpeg", ["-hide_banner", "-nostats", "-i", "file:" + path, "-map", "0:a:0", "-af", "ebur128=peak=true", "-f", "null", "-"]);
        var summary = run.Stderr[run.Stderr.LastIndexOf("Summary:", StringComparison.Ordinal)..];
        return (Number(IntegratedLine().Match(summary)), Number(PeakLine().Match(summary)));
    }

    private static async Task<double> MaxLumaAsync(string path)
    {
        var run = await ToolRun.RunAsync("ffmpeg", ["-hide_banner", "-i", "file:" + path, "-vf", "signalstats,metadata=print:key=lavfi.signalstats.YMAX", "-f", "null", "-"]);
        return YmaxLine().Matches(run.Stderr).Select(match => double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
    }

    private static double Number(Match match) =>
        match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;

    [GeneratedRegex(@"#xywh=\d+,\d+,\d+,\d+")]
    private static partial Regex XywhCue();

    [GeneratedRegex(@"I:\s+(-?[\d.]+) LUFS")]
    private static partial Regex IntegratedLine();

    [GeneratedRegex(@"Peak:\s+(-?[\d.]+) dBFS")]
    private static partial Regex PeakLine();

    [GeneratedRegex(@"lavfi\.signalstats\.YMAX=([\d.]+)")]
    private static partial Regex YmaxLine();
}
