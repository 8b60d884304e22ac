using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Core.Quality.Checks;
using Spool.Core.Steps.Cleanup;
using Spool.Core.Tests.Quality.Checks;
using Spool.Media.Commands;
using Spool.Media.Probing;

namespace Spool.Core.Tests.Steps.Cleanup;

/// <summary>The clean-up cases on real ffmpeg: analysis passes, then the planned encode run and measured.</summary>
public sealed class CleanupAnalyzerTests
{
    private static readonly CleanupRequest Nothing = CleanupRequest.None;

    [Fact]
    public async Task Quiet_pink_noise_normalised_to_minus_16_measures_within_1_LU_and_peaks_below_minus_1_dbtp()
    {
        using var media = new CleanupMedia();
        var source = await media.MakeAsync(
            "quiet.mp4", "testsrc2=size=160x120:rate=10:duration=12", "anoisesrc=color=pink:amplitude=0.05:duration=12:sample_rate=48000");
        var analyzer = new CleanupAnalyzer(media.Runner, QcMediaFixture.Ffmpeg);

        var prepared = await analyzer.PrepareAsync(
            source, Nothing with { Normalize = new LoudnessTarget(-16) }, Path.Combine(media.Folder, "metadata"), "quiet", CancellationToken.None);

        Assert.True(prepared.Succeeded, prepared.Error?.Message);
        var timing = Assert.Single(prepared.Timings);
        Assert.Equal("loudness_analysis", timing.Name);
        Assert.Equal("linear", timing.Details["normalization_type"]);
        var (output, encodeLog) = await EncodeAsync(media, source, prepared.Adjustments);
        var measure = await media.FfmpegAsync("-i", "file:" + output, "-map", "0:a", "-af", "ebur128=peak=true", "-f", "null", "-");
        var (lufs, truePeak) = QcLogParser.ParseEbur128(measure.Stderr);
        Assert.InRange(lufs!.Value, -17, -15);
        Assert.True(truePeak < -1, $"true peak {truePeak} dBTP");
        Assert.Equal("linear", LoudnormLog.NormalizationType(encodeLog));
    }

    [Fact]
    public async Task Stabilize_denoise_and_colour_run_from_a_folder_whose_name_needs_escaping()
    {
        using var media = new CleanupMedia("it's a [odd], dir; x:y");
        var source = await media.MakeAsync(
            "shaky, clip's.mp4",
            "testsrc2=size=200x160:rate=15:duration=2,crop=160:120:20+15*sin(n/2):20+15*cos(n/3)",
            "anoisesrc=color=white:amplitude=0.02:duration=2:sample_rate=48000");
        var metadata = Path.Combine(media.Folder, "metadata");
        var request = new CleanupRequest(null, DenoiseAudio: true, Stabilize: true, new ColorRequest.Manual(new EqSettings(0.02, 1.1)), DenoiseVideo: true);

        var prepared = await new CleanupAnalyzer(media.Runner, QcMediaFixture.Ffmpeg)
            .PrepareAsync(source, request, metadata, "shaky, clip's", CancellationToken.None);

        Assert.True(prepared.Succeeded, prepared.Error?.Message);
        var transforms = Path.Combine(metadata, "shaky, clip's.trf");
        Assert.True(new FileInfo(transforms).Length > 0);
        Assert.Equal(["shaky, clip's.trf"], Directory.GetFiles(metadata).Select(Path.GetFileName));
        Assert.Equal("stabilize_analysis", Assert.Single(prepared.Timings).Name);
        Assert.Equal(
            [VideoCleanup.Denoise, Stabilization.TransformFilter(transforms), "eq=brightness=0.02:contrast=1.1:saturation=1"],
            prepared.Adjustments.VideoFilters);
        Assert.Equal([AudioCleanup.DenoiseChain], prepared.Adjustments.AudioFilters);
        var (output, _) = await EncodeAsync(media, source, prepared.Adjustments);
        Assert.Equal(2, (await media.ProbeAsync(output)).EffectiveDuration!.Value, precision: 0);
    }

    [Fact]
    public async Task Colour_auto_brightens_a_dark_clip_and_leaves_a_well_exposed_one_alone()
    {
        using var media = new CleanupMedia();
        var dark = await media.MakeAsync("dark.mp4", "testsrc2=size=160x120:rate=10:duration=2,eq=brightness=-0.3");
        var normal = await media.MakeAsync("normal.mp4", "testsrc2=size=160x120:rate=10:duration=2");
        var analyzer = new CleanupAnalyzer(media.Runner, QcMediaFixture.Ffmpeg);
        var request = Nothing with { Color = new ColorRequest.Auto() };

        var forDark = await analyzer.PrepareAsync(dark, request, media.Folder, "dark", CancellationToken.None);
        var forNormal = await analyzer.PrepareAsync(normal, request, media.Folder, "normal", CancellationToken.None);

        var eq = Assert.Single(forDark.Adjustments.VideoFilters);
        Assert.Equal("color_analysis", Assert.Single(forDark.Timings).Name);
        Assert.Equal(eq, forDark.Timings[0].Details["eq"]);
        Assert.StartsWith("eq=brightness=0.", eq, StringComparison.Ordinal);
        Assert.Contains(":contrast=1.3:", eq, StringComparison.Ordinal);
        Assert.Empty(forNormal.Adjustments.VideoFilters);
        Assert.Equal("none", Assert.Single(forNormal.Timings).Details["eq"]);
    }

    /// <summary>Plans fast_draft with the adjustments and runs the fused command: the output's path and ffmpeg's stderr.</summary>
    private static async Task<(string Output, string Stderr)> EncodeAsync(CleanupMedia media, MediaInfo source, EncodeAdjustments adjustments)
    {
        var preset = PresetCatalog.BuiltIn.Find("fast_draft")!;
        var target = new OutputTarget(Path.Combine(media.Folder, "out"), "clip");
        var outcome = WorkPlanner.Plan(source, [preset], PlanOptions.Default with { Adjustments = adjustments }, target);
        var plan = Assert.IsType<PlanOutcome.Planned>(outcome).Plan;
        Directory.CreateDirectory(Path.Combine(target.Directory, "video"));
        var tokens = FfmpegCommandRenderer.Render(plan.Fused);
        var result = await media.FfmpegAsync([.. tokens.Skip(2)]);
        return (plan.Outputs[0].PartialPath, result.Stderr);
    }
}
