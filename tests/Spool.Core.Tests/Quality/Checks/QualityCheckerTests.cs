using Spool.Core.Quality.Checks;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Quality.Checks;

/// <summary>The "Done when" QC cases on real ffmpeg: each planted defect fails its named check.</summary>
public sealed class QualityCheckerTests(QcMediaFixture media) : IClassFixture<QcMediaFixture>
{
    private readonly QualityChecker checker = new(new ProcessRunner(), QcMediaFixture.Ffmpeg, QcMediaFixture.Ffprobe, capabilities: null);

    [Fact]
    public async Task A_crf23_encode_of_a_1080p_source_passes_with_ssim_of_at_least_095()
    {
        var report = await CheckAsync(media.Crf23, QcThresholds.Default, QcMode.Full);
        Assert.True(report.Passed, Describe(report));
        Assert.True(report.Find("ssim")!.Value >= 0.95, Describe(report));
        Assert.Equal(
            ["integrity", "duration", "audio_peak", "loudness", "ssim", "psnr", "compression_ratio"],
            report.Checks.Select(c => c.Name));
    }

    [Fact]
    public async Task A_720p_encode_passes_and_has_its_resolution()
    {
        var report = await CheckAsync(media.Encode720, QcThresholds.Default with { ExpectResolution = (1280, 720) }, QcMode.Full);
        Assert.True(report.Passed, Describe(report));
    }

    [Fact]
    public async Task A_copy_cut_to_half_its_duration_fails_duration()
    {
        var report = await CheckAsync(media.HalfDuration, QcThresholds.Default, QcMode.Quick);
        Assert.Equal(["duration"], Failed(report));
    }

    [Fact]
    public async Task A_crf51_encode_fails_the_crf18_ssim_bar()
    {
        // Flat synthetic testsrc2 keeps 0.967 even at CRF 51 on the grain-blind measure (a CRF 23 encode: 0.999).
        var report = await CheckAsync(media.Crf51, QcThresholds.Default with { MinSsim = 0.97 }, QcMode.Quick);
        Assert.Equal(["ssim"], Failed(report));
    }

    [Fact]
    public async Task Random_bytes_in_the_middle_fail_integrity()
    {
        var report = await CheckAsync(media.Corrupt, QcThresholds.Default, QcMode.Quick);
        Assert.False(report.Find("integrity")!.Passed, Describe(report));
        Assert.True(report.Find("integrity")!.Value > 0, Describe(report));
    }

    [Fact]
    public async Task Audio_raised_20_db_fails_audio_peak()
    {
        var report = await CheckAsync(media.Clipped, QcThresholds.Default with { MaxPeakDb = -1 }, QcMode.Quick);
        Assert.Equal(["audio_peak"], Failed(report));
        Assert.True(report.Find("audio_peak")!.Value >= -0.1, Describe(report));
    }

    [Fact]
    public async Task A_720p_encode_fails_an_expected_1080p_resolution()
    {
        var report = await CheckAsync(media.Encode720, QcThresholds.Default with { ExpectResolution = (1920, 1080) }, QcMode.Quick);
        Assert.Equal(["resolution"], Failed(report));
    }

    [Fact]
    public async Task The_source_against_itself_compares_identical_frames()
    {
        var report = await CheckAsync(media.Source, QcThresholds.Default, QcMode.Full);
        Assert.Equal(1.0, report.Find("ssim")!.Value);
        Assert.Equal(QcLogParser.IdenticalPsnrDb, report.Find("psnr")!.Value);
    }

    [Fact]
    public async Task A_24_fps_encode_of_a_30_fps_source_is_compared_frame_for_frame()
    {
        // testsrc2 moves every frame: comparing the wrong source frames would drop SSIM far below this.
        var report = await CheckAsync(media.Fps24, QcThresholds.Default with { MinSsim = 0.98 }, QcMode.Quick);
        Assert.True(report.Passed, Describe(report));
    }

    private Task<QcReport> CheckAsync(string output, QcThresholds thresholds, QcMode mode) =>
        checker.CheckAsync(output, media.Source, thresholds, mode, CancellationToken.None);

    private static string[] Failed(QcReport report) => [.. report.Checks.Where(c => !c.Passed).Select(c => c.Name)];

    private static string Describe(QcReport report) =>
        string.Join("; ", report.Checks.Select(c => $"{c.Name} {c.Passed} {c.Value} {c.Threshold} {c.Detail}"));
}
