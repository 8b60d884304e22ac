using Spool.EndToEnd.Tests.Infrastructure;

namespace Spool.EndToEnd.Tests;

/// <summary>Quick QC in a batch judges the picture by libx264's own SSIM: a CRF 51 encode of grain is too blocky.</summary>
public sealed class QuickQcEncoderTests
{
    [Fact]
    public async Task A_crf51_user_preset_fails_quick_qc_on_the_encoders_ssim()
    {
        using var temp = new TempFolder("qc-crf51");
        var source = temp.Combine("grain.mp4");
        // MPEG-4 Part 2, so no preset can remux it: the output is encoded.
        await Ffmpeg.RunAsync("-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=2", "-vf", "noise=alls=25:allf=t",
            "-c:v", "mpeg4", "-q:v", "2", "-pix_fmt", "yuv420p", source);
        var presets = temp.Combine("presets.yaml");
        await File.WriteAllTextAsync(presets, "presets:\n  blocky:\n    base: web_optimized\n    crf: 51\n");

        var run = await SpoolCli.In(temp).RunAsync("process", source, "--preset-file", presets, "--preset", "blocky", "--output", temp.Combine("out"));

        Assert.True(run.ExitCode == 1, run.Describe());
        var job = (await BatchReport.ReadAsync(temp.Combine("out"))).Job("grain.mp4", "blocky");
        Assert.Equal(("failed", "qc_failed"), (job.Status, job.ErrorCategory));
        var ssim = job.Raw.GetProperty("qc").GetProperty("checks").EnumerateArray().Single(check => check.GetProperty("name").GetString() == "ssim");
        Assert.False(ssim.GetProperty("passed").GetBoolean(), ssim.ToString());
        Assert.True(ssim.GetProperty("value").GetDouble() < ssim.GetProperty("threshold").GetDouble(), ssim.ToString());
        Assert.Contains("measured by libx264", ssim.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var log = Assert.Single(Directory.GetFiles(temp.Combine("out", "grain", "metadata"), "*blocky*.log"));
        Assert.Contains("SSIM Mean Y:", await File.ReadAllTextAsync(log), StringComparison.Ordinal);
    }
}
