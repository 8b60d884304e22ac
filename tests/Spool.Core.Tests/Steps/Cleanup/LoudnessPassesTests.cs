using Spool.Core.Steps.Cleanup;
using Spool.Media.Probing;

namespace Spool.Core.Tests.Steps.Cleanup;

public sealed class LoudnessPassesTests
{
    // The end of a real ffmpeg 5.1 first pass over 12 s of pink noise at amplitude 0.05.
    private const string FirstPassLog = """
        size=N/A time=00:00:12.01 bitrate=N/A speed=36.6x
        video:0kB audio:4504kB subtitle:0kB other streams:0kB global headers:0kB muxing overhead: unknown
        [Parsed_loudnorm_0 @ 0x56404c779fc0]
        {
        	"input_i" : "-40.74",
        	"input_tp" : "-26.81",
        	"input_lra" : "0.40",
        	"input_thresh" : "-50.74",
        	"output_i" : "-15.81",
        	"output_tp" : "-1.77",
        	"output_lra" : "0.30",
        	"output_thresh" : "-25.81",
        	"normalization_type" : "dynamic",
        	"target_offset" : "-0.19"
        }
        """;

    private static readonly AudioStreamInfo Stereo = new(1, "aac", 2, 48_000, "stereo", 12);

    private static readonly LoudnessMeasurement PinkNoise = new(-40.74, -26.81, 0.4, -50.74, -0.19);

    [Fact]
    public void First_pass_measures_the_primary_audio_alone_to_null()
    {
        var arguments = LoudnessPasses.AnalysisArguments("/in/a clip.mp4", Stereo, denoise: false, LoudnessTarget.Default);

        string[] expected =
        [
            "-hide_banner", "-nostdin", "-progress", "pipe:1", "-nostats", "-i", "file:/in/a clip.mp4",
            "-map", "0:1", "-vn", "-af", "loudnorm=I=-16:TP=-1.5:LRA=11:print_format=json", "-f", "null", "-",
        ];
        Assert.Equal(expected, arguments);
    }

    [Fact]
    public void First_pass_of_a_surround_source_measures_the_denoised_stereo_downmix()
    {
        var surround = new AudioStreamInfo(2, "ac3", 6, 48_000, "5.1(side)", 12);

        var arguments = LoudnessPasses.AnalysisArguments("/in/clip.mkv", surround, denoise: true, new LoudnessTarget(-23, -2, 7));

        Assert.Equal(
            "aformat=channel_layouts=stereo,highpass=f=80,lowpass=f=12000,afftdn=nf=-25,loudnorm=I=-23:TP=-2:LRA=7:print_format=json",
            arguments[arguments.ToList().IndexOf("-af") + 1]);
        Assert.Equal("0:2", arguments[arguments.ToList().IndexOf("-map") + 1]);
    }

    [Fact]
    public void The_json_block_at_the_end_of_stderr_is_parsed()
    {
        var measured = LoudnormLog.Parse(FirstPassLog);

        Assert.Equal(PinkNoise with { NormalizationType = "dynamic" }, measured);
        Assert.Equal("dynamic", LoudnormLog.NormalizationType(FirstPassLog));
    }

    [Fact]
    public void Silence_parses_as_minus_infinity_and_is_silent()
    {
        var log = FirstPassLog.Replace("\"-40.74\"", "\"-inf\"", StringComparison.Ordinal).Replace("\"-26.81\"", "\"-inf\"", StringComparison.Ordinal);

        var measured = LoudnormLog.Parse(log)!;

        Assert.Equal(double.NegativeInfinity, measured.InputIntegrated);
        Assert.Equal(double.NegativeInfinity, measured.InputTruePeak);
        Assert.True(measured.IsSilent);
        Assert.False(PinkNoise.IsSilent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[Parsed_loudnorm_0 @ 0x1] \n{\n\t\"input_i\" : \"-40.74\"\n}")]
    [InlineData("[Parsed_loudnorm_0 @ 0x1] \n{ not json }")]
    public void Stderr_without_a_complete_block_parses_to_null(string stderr) => Assert.Null(LoudnormLog.Parse(stderr));

    [Fact]
    public void The_summary_of_a_second_pass_names_its_normalization_type()
    {
        const string summary = "Output Threshold:    -26.0 LUFS\n\nNormalization Type:   Linear\nTarget Offset:        -0.0 LU\n";

        Assert.Equal("linear", LoudnormLog.NormalizationType(summary));
        Assert.Null(LoudnormLog.NormalizationType("nothing here"));
    }

    [Fact]
    public void Second_pass_feeds_the_measurements_back_in_linear_mode()
    {
        Assert.Equal(
            "loudnorm=I=-16:TP=-1.5:LRA=11:measured_I=-40.74:measured_TP=-26.81:measured_LRA=0.4:measured_thresh=-50.74:offset=-0.19:linear=true:print_format=summary",
            LoudnessPasses.NormalizeFilter(LoudnessTarget.Default, PinkNoise));
    }

    [Fact]
    public void Encode_filters_end_by_resampling_from_loudnorms_192_khz()
    {
        var filters = LoudnessPasses.EncodeFilters(Stereo with { SampleRate = 44_100 }, denoise: true, LoudnessTarget.Default, PinkNoise);

        Assert.Equal(
            [
                "highpass=f=80,lowpass=f=12000,afftdn=nf=-25",
                LoudnessPasses.NormalizeFilter(LoudnessTarget.Default, PinkNoise),
                "aresample=44100",
            ],
            filters);
    }

    [Theory]
    [InlineData(48_000, 48_000)]
    [InlineData(22_050, 22_050)]
    [InlineData(96_000, 48_000)]
    [InlineData(0, 48_000)]
    public void Output_rate_is_the_sources_up_to_48_khz(int source, int expected) =>
        Assert.Equal(expected, LoudnessPasses.OutputSampleRate(Stereo with { SampleRate = source }));

    [Theory]
    [InlineData(-40.74, -26.81, 0.4, true)] // +24.74 dB puts the peak at -2.07: within -1.5
    [InlineData(-40.74, -24.0, 0.4, false)] // the peak would reach +0.74 over the ceiling: dynamic
    [InlineData(-20, -10, 12, false)] // range wider than the target's 11 LU
    [InlineData(-20, -10, 0, false)] // a steady tone (range 0) is never linear in ffmpeg 5.1
    public void Linear_mode_follows_ffmpegs_rule(double integrated, double truePeak, double range, bool linear)
    {
        var measured = new LoudnessMeasurement(integrated, truePeak, range, integrated - 10, 0);

        Assert.Equal(linear, LoudnessPasses.IsLinear(LoudnessTarget.Default, measured));
        Assert.Equal(linear ? "linear" : "dynamic", LoudnessPasses.Details(LoudnessTarget.Default, measured)["normalization_type"]);
    }

    [Fact]
    public void Details_record_target_and_measurements_in_invariant_numbers()
    {
        var details = LoudnessPasses.Details(LoudnessTarget.Default, PinkNoise);

        Assert.Equal("-16", details["target_i"]);
        Assert.Equal("-1.5", details["target_tp"]);
        Assert.Equal("-40.74", details["input_i"]);
        Assert.Equal("-26.81", details["input_tp"]);
        Assert.Equal("0.4", details["input_lra"]);
        Assert.Equal("-50.74", details["input_thresh"]);
        Assert.Equal("-0.19", details["target_offset"]);
    }

    [Theory]
    [InlineData(-16, -1.5, 11, null)]
    [InlineData(-70, -9, 1, null)]
    [InlineData(-5, 0, 50, null)]
    [InlineData(-4, -1.5, 11, "--loudness must be from -70 to -5 LUFS; got -4.")]
    [InlineData(-16, 0.5, 11, "--true-peak must be from -9 to 0 dBTP; got 0.5.")]
    [InlineData(-16, -1.5, 51, "--lra must be from 1 to 50 LU; got 51.")]
    [InlineData(double.NaN, -1.5, 11, "--loudness must be from -70 to -5 LUFS; got NaN.")]
    public void Targets_outside_what_loudnorm_accepts_name_their_flag(double lufs, double truePeak, double range, string? problem) =>
        Assert.Equal(problem, new LoudnessTarget(lufs, truePeak, range).Problem());

    [Fact]
    public void Denoise_chain_skips_the_low_pass_at_or_below_24_khz()
    {
        Assert.Equal("highpass=f=80,lowpass=f=12000,afftdn=nf=-25", AudioCleanup.DenoiseChain);
        Assert.Equal("highpass=f=80,afftdn=nf=-25", AudioCleanup.Denoise(16_000));
        Assert.Equal("highpass=f=80,afftdn=nf=-25", AudioCleanup.Denoise(24_000));
    }
}
