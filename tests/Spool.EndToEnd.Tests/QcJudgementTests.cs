using System.Text.Json;
using Spool.EndToEnd.Tests.Infrastructure;

namespace Spool.EndToEnd.Tests;

/// <summary>QC judges the encode, not the content: grain passes, a wrong picture fails, a failure keeps the output.</summary>
public sealed class QcJudgementTests
{
    [Fact]
    public async Task A_grainy_clip_through_web_optimized_passes_qc_and_keeps_its_output()
    {
        using var temp = new TempFolder("qc-grain");
        var source = await GrainyAsync(temp, "grain.mp4");
        var run = await SpoolCli.In(temp).RunAsync("process", source, "--preset", "web_optimized", "--output", temp.Combine("out"));
        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.True(File.Exists(temp.Combine("out", "grain", "video", "grain_web_optimized.mp4")), run.Describe());
        Assert.Equal("succeeded", (await BatchReport.ReadAsync(temp.Combine("out"))).Job("grain.mp4", "web_optimized").Status);
    }

    [Fact]
    public async Task Spool_qc_fails_a_wrong_picture_of_another_aspect_and_passes_the_right_one_padded()
    {
        using var temp = new TempFolder("qc-wrong");
        var reference = temp.Combine("other.mp4");
        await Ffmpeg.RunAsync("-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=2", "-c:v", "libx264", "-crf", "10", "-pix_fmt", "yuv420p", reference);
        var wrong = temp.Combine("wrong.mp4");
        await Ffmpeg.RunAsync("-f", "lavfi", "-i", "mandelbrot=s=320x180:r=25", "-t", "2", "-c:v", "libx264", "-crf", "23", "-pix_fmt", "yuv420p", wrong);
        var padded = temp.Combine("padded.mp4");
        await Ffmpeg.RunAsync("-i", reference, "-vf", "scale=240:180,pad=320:180:40:0", "-c:v", "libx264", "-crf", "23", "-pix_fmt", "yuv420p", padded);

        var failed = await SpoolCli.In(temp).RunAsync("qc", wrong, "--reference", reference, "--json");
        Assert.True(failed.ExitCode == 1, failed.Describe());
        Assert.False(SsimCheck(failed.Stdout).GetProperty("passed").GetBoolean(), failed.Stdout);

        var passed = await SpoolCli.In(temp).RunAsync("qc", padded, "--reference", reference, "--json");
        Assert.True(passed.ExitCode == 0, passed.Describe());
        Assert.True(SsimCheck(passed.Stdout).GetProperty("value").GetDouble() >= 0.90, passed.Stdout);
    }

    [Fact]
    public async Task A_tiktok_canvas_is_compared_with_its_source_and_fails_against_another()
    {
        using var temp = new TempFolder("qc-canvas");
        var source = temp.Combine("clip.mp4");
        await Ffmpeg.RunAsync("-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=1", "-c:v", "libx264", "-crf", "10", "-pix_fmt", "yuv420p", source);
        var other = temp.Combine("other.mp4");
        await Ffmpeg.RunAsync("-f", "lavfi", "-i", "mandelbrot=s=320x240:r=25", "-t", "1", "-c:v", "libx264", "-crf", "10", "-pix_fmt", "yuv420p", other);
        var run = await SpoolCli.In(temp).RunAsync("process", source, "--preset", "tiktok", "--output", temp.Combine("out"));
        Assert.True(run.ExitCode == 0, run.Describe());
        var ssim = (await BatchReport.ReadAsync(temp.Combine("out"))).Job("clip.mp4", "tiktok").Raw.GetProperty("qc").GetProperty("checks")
            .EnumerateArray().Single(check => check.GetProperty("name").GetString() == "ssim");
        Assert.True(ssim.GetProperty("value").ValueKind == JsonValueKind.Number, "the canvas was not compared: " + ssim);

        var canvas = temp.Combine("out", "clip", "video", "clip_tiktok.mp4");
        var wrong = await SpoolCli.In(temp).RunAsync("qc", canvas, "--reference", other, "--json");
        Assert.True(wrong.ExitCode == 1, wrong.Describe());
        Assert.False(SsimCheck(wrong.Stdout).GetProperty("passed").GetBoolean(), wrong.Stdout);
    }

    [Fact]
    public async Task A_qc_failure_keeps_the_output_as_qc_failed_and_the_report_says_where()
    {
        using var temp = new TempFolder("qc-keep");
        var source = await GrainyAsync(temp, "grain.mp4");
        var run = await SpoolCli.In(temp).RunAsync("process", source, "--preset", "web_optimized", "--min-ssim", "0.99", "--output", temp.Combine("out"));
        Assert.True(run.ExitCode == 1, "--min-ssim 0.99 must fail a normal CRF 28 encode of grain.\n" + run.Describe());
        var kept = temp.Combine("out", "grain", "video", "grain_web_optimized.qc-failed.mp4");
        Assert.True(File.Exists(kept), run.Describe());
        Assert.False(File.Exists(temp.Combine("out", "grain", "video", "grain_web_optimized.mp4")));
        var job = (await BatchReport.ReadAsync(temp.Combine("out"))).Job("grain.mp4", "web_optimized");
        Assert.Equal(("failed", "qc_failed", kept), (job.Status, job.ErrorCategory, job.Output));
        Assert.Contains("ssim", job.ErrorMessage, StringComparison.Ordinal);
        Assert.EndsWith($"It is kept as {kept}.", job.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Qc_policy_discard_deletes_the_failed_output()
    {
        using var temp = new TempFolder("qc-discard");
        var source = await GrainyAsync(temp, "grain.mp4");
        var run = await SpoolCli.In(temp).RunAsync(
            "process", source, "--preset", "web_optimized", "--min-ssim", "0.99", "--qc-policy", "discard", "--output", temp.Combine("out"));
        Assert.True(run.ExitCode == 1, run.Describe());
        var video = temp.Combine("out", "grain", "video");
        Assert.Empty(Directory.Exists(video) ? Directory.GetFiles(video) : []);
        var job = (await BatchReport.ReadAsync(temp.Combine("out"))).Job("grain.mp4", "web_optimized");
        Assert.Equal(("failed", "qc_failed", null), (job.Status, job.ErrorCategory, job.Output));
        Assert.EndsWith("It was deleted (--qc-policy discard).", job.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Qc_retry_says_in_the_report_that_it_encoded_again_and_what_changed()
    {
        using var temp = new TempFolder("qc-retry");
        var source = await GrainyAsync(temp, "grain.mp4");
        var run = await SpoolCli.In(temp).RunAsync(
            "process", source, "--preset", "web_optimized", "--min-ssim", "0.999", "--qc-retry", "--output", temp.Combine("out"));
        Assert.True(run.ExitCode == 1, run.Describe());
        var job = (await BatchReport.ReadAsync(temp.Combine("out"))).Job("grain.mp4", "web_optimized");
        Assert.EndsWith("(--qc-retry re-encoded at quality medium -> high (CRF 28 -> 25); the first encode failed too.)", job.ErrorMessage, StringComparison.Ordinal);
        using var metrics = JsonDocument.Parse(await File.ReadAllTextAsync(temp.Combine("out", "summary", "processing_metrics.json")));
        var retry = metrics.RootElement.GetProperty("jobs").EnumerateArray().Single().GetProperty("operations").EnumerateArray()
            .Single(op => op.GetProperty("name").GetString() == "qc_retry").GetProperty("details");
        Assert.Equal("re-encoded at quality medium -> high (CRF 28 -> 25)", retry.GetProperty("changed").GetString());
        Assert.Equal("QC failed: ssim", retry.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task An_mkv_whose_video_starts_after_its_audio_is_compared_frame_for_frame_and_passes_archival()
    {
        // ffmpeg's AAC priming makes the Matroska muxer start the video at 0.023 s (OBS recordings look like this);
        // the encode puts that first frame on the output's frame grid, so frames must meet by time, not by count.
        // 4:2:2 (High 4:2:2), so archival encodes it rather than remuxing it as an H.264 4:2:0 source that fits.
        using var temp = new TempFolder("qc-late-video");
        var source = temp.Combine("obs.mkv");
        await Ffmpeg.RunAsync("-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=2", "-f", "lavfi", "-i", "sine=f=440:d=2",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv422p", "-c:a", "aac", source);
        var run = await SpoolCli.In(temp).RunAsync("process", source, "--preset", "archival", "--output", temp.Combine("out"));
        Assert.True(run.ExitCode == 0, run.Describe());
        var ssim = (await BatchReport.ReadAsync(temp.Combine("out"))).Job("obs.mkv", "archival").Raw.GetProperty("qc").GetProperty("checks")
            .EnumerateArray().Single(check => check.GetProperty("name").GetString() == "ssim");
        Assert.True(ssim.GetProperty("value").GetDouble() >= 0.99, "a CRF 18 encode of a clean picture compared frame for frame: " + ssim);
    }

    // Film-like grain that changes every frame: incompressible, so a correct CRF 28 encode loses a third of its
    // full-size SSIM to it. Near-lossless MPEG-4 Part 2, so that it is encoded: an H.264 source that already fits
    // web_optimized would be remuxed (issue 12), and these tests judge encodes.
    private static async Task<string> GrainyAsync(TempFolder temp, string name)
    {
        var path = temp.Combine(name);
        await Ffmpeg.RunAsync("-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=2", "-vf", "noise=alls=25:allf=t",
            "-c:v", "mpeg4", "-q:v", "1", "-pix_fmt", "yuv420p", path);
        return path;
    }

    private static JsonElement SsimCheck(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("checks").EnumerateArray().Single(check => check.GetProperty("name").GetString() == "ssim").Clone();
    }
}
