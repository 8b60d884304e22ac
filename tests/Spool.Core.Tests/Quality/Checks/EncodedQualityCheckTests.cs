using Spool.Core.Quality.Checks;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Quality.Checks;

/// <summary>
/// Quick QC of a batch's output from what the encode measured (libx264's SSIM and PSNR, the peak of the audio it was
/// fed) and one probe of the output that reads every packet: no process of its own. Real ffmpeg.
/// </summary>
public sealed class EncodedQualityCheckTests(QcMediaFixture media) : IClassFixture<QcMediaFixture>
{
    private static readonly EncoderMeasurement Good = new(Ssim: 0.9725679, Psnr: 36.025, PeakDb: -14.6);

    [Fact]
    public async Task A_good_output_passes_with_the_encoders_own_values()
    {
        var report = await CheckAsync(media.Crf23, Good, QcThresholds.Default);

        Assert.True(report.Passed, Describe(report));
        Assert.Equal(["integrity", "duration", "audio_peak", "ssim", "psnr"], report.Checks.Select(c => c.Name));
        Assert.Equal((0.9725679, 36.025, -14.6), (report.Find("ssim")!.Value, report.Find("psnr")!.Value, report.Find("audio_peak")!.Value));
        Assert.Equal(QcEvaluator.EncoderMeasured, report.Find("ssim")!.Detail);
    }

    [Fact]
    public async Task A_blocky_encode_fails_ssim_on_the_encoders_value()
    {
        var report = await CheckAsync(media.Crf23, Good with { Ssim = 0.2727927 }, QcThresholds.Default with { MinSsim = 0.32 });

        Assert.Equal(["ssim"], Failed(report));
        Assert.Equal("0.2728 is below 0.32 (measured by libx264 on every frame it encoded, at full size)", report.Find("ssim")!.Detail);
    }

    [Fact]
    public async Task A_copy_cut_to_half_its_duration_fails_duration()
    {
        var report = await CheckAsync(media.HalfDuration, Good, QcThresholds.Default);

        Assert.Equal(["duration"], Failed(report));
        Assert.Equal(0.9, report.Find("duration")!.Value);
    }

    [Fact]
    public async Task Random_bytes_in_the_middle_fail_integrity_in_the_probe_that_reads_every_packet()
    {
        var report = await CheckAsync(media.Corrupt, Good, QcThresholds.Default);

        Assert.False(report.Find("integrity")!.Passed, Describe(report));
        Assert.True(report.Find("integrity")!.Value > 0, Describe(report));
    }

    [Fact]
    public async Task A_file_cut_short_in_its_bytes_fails_integrity_though_its_header_still_says_two_seconds()
    {
        var faststart = Path.Combine(media.Folder, "faststart-" + Guid.NewGuid().ToString("N") + ".mp4");
        var made = await new ProcessRunner().RunAsync(
            new ProcessRequest(QcMediaFixture.Ffmpeg, ["-hide_banner", "-nostdin", "-v", "error", "-i", "file:" + media.Crf23, "-map", "0", "-c", "copy", "-movflags", "+faststart", "file:" + faststart]),
            null,
            CancellationToken.None);
        Assert.True(made.Succeeded, made.Stderr);
        var cut = Path.Combine(media.Folder, "cut-" + Guid.NewGuid().ToString("N") + ".mp4");
        var bytes = await File.ReadAllBytesAsync(faststart);
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length / 2)]);

        var report = await CheckAsync(cut, Good, QcThresholds.Default);

        Assert.Equal(["integrity"], Failed(report));
        Assert.True(report.Find("integrity")!.Value > 0, Describe(report));
        Assert.Matches(@"^\d+ decode error\(s\); first: stream 0 \(video\) holds \d+ of the \d+ packets its index lists$", report.Find("integrity")!.Detail);
    }

    [Fact]
    public async Task An_unmeasured_ssim_fails_where_a_bar_is_set()
    {
        var report = await CheckAsync(media.Crf23, Good with { Ssim = null, Psnr = null }, QcThresholds.Default);

        Assert.Equal(["ssim"], Failed(report));
        Assert.Equal("libx264 reported no SSIM for this output", report.Find("ssim")!.Detail);
    }

    private static async Task<QcReport> CheckAsync(string output, EncoderMeasurement measured, QcThresholds thresholds)
    {
        var packets = await new Prober(new ProcessRunner(), QcMediaFixture.Ffprobe).ProbePacketsAsync(output, CancellationToken.None);
        var outputMedia = Assert.IsType<ProbeOutcome.Probed>(packets.Outcome).Media;
        return QualityChecker.CheckEncoded(outputMedia, packets, referenceDurationSeconds: 2.0, measured, thresholds);
    }

    private static string[] Failed(QcReport report) => [.. report.Checks.Where(c => !c.Passed).Select(c => c.Name)];

    private static string Describe(QcReport report) =>
        string.Join("; ", report.Checks.Select(c => $"{c.Name} {c.Passed} {c.Value} {c.Threshold} {c.Detail}"));
}
