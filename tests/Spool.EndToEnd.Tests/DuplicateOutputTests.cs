using System.Text.Json;
using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;

namespace Spool.EndToEnd.Tests;

/// <summary>Presets that make the same file (social_media, instagram, tiktok) are encoded once and copied.</summary>
public sealed class DuplicateOutputTests
{
    [Fact]
    public async Task Social_media_instagram_and_tiktok_are_encoded_once_and_copied_byte_for_byte()
    {
        using var temp = new TempFolder("dedup");
        var inputs = temp.NewFolder("in");
        await MediaFactory.ClipAsync(Path.Combine(inputs, "clip.mp4"), new ClipSpec(320, 240, Seconds: 2));
        var outputDir = temp.Combine("out");

        var run = await SpoolCli.In(temp).RunAsync("process", inputs, "--preset", "social_media,instagram,tiktok", "--output", outputDir);

        Assert.True(run.ExitCode == 0, run.Describe());
        var video = temp.Combine("out", "clip", "video");
        var encoded = await File.ReadAllBytesAsync(Path.Combine(video, "clip_social_media.mp4"));
        Assert.True(encoded.Length > 0);
        Assert.Equal(encoded, await File.ReadAllBytesAsync(Path.Combine(video, "clip_instagram.mp4")));
        Assert.Equal(encoded, await File.ReadAllBytesAsync(Path.Combine(video, "clip_tiktok.mp4")));

        var encodeLog = await File.ReadAllTextAsync(temp.Combine("out", "clip", "metadata", "clip_social_media.log"));
        var commandLine = encodeLog.Split('\n')[0];
        // One video encode; the other -c:v is the JPEG of its report thumbnail, an output of the same run.
        var tokens = commandLine.Split(' ');
        Assert.Equal(["libx264", "mjpeg"], tokens.Zip(tokens.Skip(1)).Where(pair => pair.First == "-c:v").Select(pair => pair.Second));
        Assert.Contains("clip_social_media.partial", commandLine, StringComparison.Ordinal);
        Assert.EndsWith(".jpg", commandLine, StringComparison.Ordinal);
        Assert.DoesNotContain("clip_instagram", commandLine, StringComparison.Ordinal);
        Assert.DoesNotContain("clip_tiktok", commandLine, StringComparison.Ordinal);

        // Every job's thumbnail is in the report (the copies' too, copied from the encode's), and none is left beside the outputs.
        var html = await File.ReadAllTextAsync(Path.Combine(outputDir, "summary", "report.html"));
        Assert.Equal(3, html.Split("src=\"data:image/jpeg;base64,").Length - 1);
        Assert.Empty(Directory.GetFiles(video, "*.jpg"));

        var report = await BatchReport.ReadAsync(outputDir);
        Assert.Equal(
            [("social_media", "succeeded", null), ("instagram", "succeeded", "social_media"), ("tiktok", "succeeded", "social_media")],
            report.Jobs.Select(job => (job.Preset, job.Status, CopiedFrom(job))));
        Assert.Equal(
            [Path.Combine(video, "clip_social_media.mp4"), Path.Combine(video, "clip_instagram.mp4"), Path.Combine(video, "clip_tiktok.mp4")],
            report.Jobs.Select(job => job.Output));
        Assert.False(report.Jobs[0].Raw.TryGetProperty("copied_from", out _), "an encoded job has no copied_from");

        // The encode's CPU time is the encoded output's alone; a copy cost none.
        using var metrics = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outputDir, "summary", "processing_metrics.json")));
        var cpu = metrics.RootElement.GetProperty("jobs").EnumerateArray().ToDictionary(job => job.GetProperty("preset").GetString()!, job => job.GetProperty("cpu_seconds").GetDouble());
        Assert.True(cpu["social_media"] > 0, $"social_media's encode took {cpu["social_media"]} CPU seconds");
        Assert.Equal((0.0, 0.0), (cpu["instagram"], cpu["tiktok"]));
    }

    [Fact]
    public async Task When_the_shared_encode_fails_its_check_the_copy_fails_naming_it_is_not_kept_and_is_not_encoded_alone()
    {
        using var temp = new TempFolder("dedup-qc");
        var source = temp.Combine("grain.mp4");
        await Ffmpeg.RunAsync("-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=2", "-vf", "noise=alls=25:allf=t",
            "-c:v", "libx264", "-crf", "10", "-preset", "ultrafast", "-pix_fmt", "yuv420p", source);

        // twitter differs, so a fused run fails QC and the presets are run one by one: that fallback encodes instagram no more than the fused run.
        var run = await SpoolCli.In(temp).RunAsync("process", source, "--preset", "social_media,instagram,twitter", "--min-ssim", "0.999", "--output", temp.Combine("out"));

        Assert.True(run.ExitCode == 1, "--min-ssim 0.999 must fail a CRF 23 encode of grain.\n" + run.Describe());
        var video = temp.Combine("out", "grain", "video");
        var kept = Path.Combine(video, "grain_social_media.qc-failed.mp4");
        Assert.Equal([kept, Path.Combine(video, "grain_twitter.qc-failed.mp4")], Directory.GetFiles(video).Order(StringComparer.Ordinal));
        var report = await BatchReport.ReadAsync(temp.Combine("out"));
        var encoded = report.Job("grain.mp4", "social_media");
        var copy = report.Job("grain.mp4", "instagram");
        Assert.Equal(("failed", "qc_failed", kept), (encoded.Status, encoded.ErrorCategory, encoded.Output));
        Assert.Equal(("failed", "qc_failed", (string?)null, (string?)null), (copy.Status, copy.ErrorCategory, copy.Output, CopiedFrom(copy)));
        Assert.Equal("identical to social_media's encode, which failed: " + encoded.ErrorMessage, copy.ErrorMessage);

        var logs = temp.Combine("out", "grain", "metadata");
        var encodeLog = await File.ReadAllTextAsync(Path.Combine(logs, "grain_social_media.log"));
        Assert.Equal(["# fused run of social_media, twitter", "# run of social_media"], encodeLog.Split('\n').Where(line => line.Contains("run of", StringComparison.Ordinal)));
        var copyLog = await File.ReadAllTextAsync(Path.Combine(logs, "grain_instagram.log"));
        Assert.Equal(["# identical to social_media's output, whose encode failed: not copied"], copyLog.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string? CopiedFrom(ReportedJob job) =>
        job.Raw.TryGetProperty("copied_from", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
