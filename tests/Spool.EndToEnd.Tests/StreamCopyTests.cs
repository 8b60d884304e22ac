using System.Text.Json;
using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;

namespace Spool.EndToEnd.Tests;

/// <summary>Issue 12, item 4: a source that already is what its preset makes is remuxed, not encoded again.</summary>
public sealed class StreamCopyTests
{
    [Fact]
    public async Task A_source_that_fits_web_optimized_is_remuxed_bit_for_bit_and_passes_qc()
    {
        using var temp = new TempFolder("remux");
        var inputs = temp.NewFolder("in");
        var source = Path.Combine(inputs, "fits.mp4");
        await MediaFactory.ClipAsync(source, new ClipSpec(640, 360, Seconds: 2) { VideoArguments = [.. ClipSpec.X264, "-b:v", "300k"] });
        var outputDir = temp.Combine("out");

        var run = await SpoolCli.In(temp).RunAsync("process", inputs, "--preset", "web_optimized", "--output", outputDir);

        Assert.True(run.ExitCode == 0, run.Describe());
        var commandLine = (await File.ReadAllTextAsync(temp.Combine("out", "fits", "metadata", "fits_web_optimized.log"))).Split('\n')[0];
        Assert.Contains("-c:v copy -c:a copy -movflags +faststart", commandLine, StringComparison.Ordinal);
        Assert.DoesNotContain("libx264", commandLine, StringComparison.Ordinal);
        var job = (await BatchReport.ReadAsync(outputDir)).Job("fits.mp4", "web_optimized");
        Assert.Equal(("succeeded", "copy"), (job.Status, job.Raw.GetProperty("method").GetString()));
        var checks = job.Raw.GetProperty("qc").GetProperty("checks").EnumerateArray().ToDictionary(check => check.GetProperty("name").GetString()!);
        Assert.True(job.Raw.GetProperty("qc").GetProperty("passed").GetBoolean(), job.Raw.ToString());
        Assert.Equal(["integrity", "duration", "resolution", "audio_peak", "ssim"], checks.Keys);
        Assert.Equal(JsonValueKind.Null, checks["ssim"].GetProperty("value").ValueKind);
        Assert.Equal("not compared: the video stream is copied from the source unchanged (the SSIM of a bit-identical stream is 1)", checks["ssim"].GetProperty("detail").GetString());

        // It plays, and its picture is the source's, packet for packet.
        var output = Path.Combine(outputDir, "fits", "video", "fits_web_optimized.mp4");
        var decode = await Ffmpeg.DecodeAsync(output);
        Assert.True(decode.ExitCode == 0 && decode.Stderr.Length == 0, decode.Describe());
        Assert.Equal(await VideoPacketsMd5Async(source), await VideoPacketsMd5Async(output));
        var facts = await Ffmpeg.ProbeAsync(output);
        Assert.Equal((640, 360, "aac"), (facts.Video!.Width, facts.Video.Height, facts.Streams.Single(stream => stream.CodecType == "audio").CodecName));
    }

    [Fact]
    public async Task A_source_over_the_preset_frame_rate_is_encoded_and_says_so()
    {
        using var temp = new TempFolder("remux-fps");
        var inputs = temp.NewFolder("in");
        await MediaFactory.ClipAsync(Path.Combine(inputs, "fast.mp4"), new ClipSpec(320, 240, Rate: "50", Seconds: 1) { VideoArguments = ClipSpec.X264 });
        var outputDir = temp.Combine("out");

        var run = await SpoolCli.In(temp).RunAsync("process", inputs, "--preset", "mobile_optimized", "--output", outputDir);

        Assert.True(run.ExitCode == 0, run.Describe());
        var job = (await BatchReport.ReadAsync(outputDir)).Job("fast.mp4", "mobile_optimized");
        Assert.Equal(("succeeded", "encode"), (job.Status, job.Raw.GetProperty("method").GetString()));
    }

    [Fact]
    public async Task A_damaged_source_that_fits_is_encoded_after_its_remux_fails_the_check()
    {
        using var temp = new TempFolder("remux-damaged");
        var clip = temp.Combine("damaged.mp4");
        await Ffmpeg.RunAsync("-f", "lavfi", "-i", "testsrc2=d=10:s=320x240:r=25", "-f", "lavfi", "-i", "sine=d=10",
            "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "150k", "-pix_fmt", "yuv420p", "-g", "25", "-c:a", "aac", "-b:a", "96k", "-movflags", "+faststart", clip);
        var bytes = await File.ReadAllBytesAsync(clip);
        new Random(5).NextBytes(bytes.AsSpan(bytes.Length / 2, 20_000));
        await File.WriteAllBytesAsync(clip, bytes);

        var run = await SpoolCli.In(temp).RunAsync("process", clip, "--preset", "web_optimized", "--output", temp.Combine("out"));

        Assert.True(run.ExitCode == 0, run.Describe());
        var job = (await BatchReport.ReadAsync(temp.Combine("out"))).Job("damaged.mp4", "web_optimized");
        Assert.Equal(("succeeded", "encode"), (job.Status, job.Raw.GetProperty("method").GetString()));
        Assert.Equal("source_damaged", job.Raw.GetProperty("warnings").EnumerateArray().Single().GetProperty("code").GetString());
        var log = await File.ReadAllTextAsync(temp.Combine("out", "damaged", "metadata", "damaged_web_optimized.log"));
        Assert.Contains("-c:v copy", log.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("# the remux failed: encoding instead\n", log, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.Combine("out", "damaged", "video", "damaged_web_optimized.qc-failed.mp4")), "a failed remux is not kept");
    }

    private static async Task<string> VideoPacketsMd5Async(string path)
    {
        var run = await ToolRun.RunAsync("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-i", "file:" + path, "-map", "0:v:0", "-c", "copy", "-bsf:v", "h264_mp4toannexb", "-f", "md5", "-"]);
        Assert.True(run.ExitCode == 0, run.Describe());
        return run.Stdout.Trim();
    }
}
