using Spool.Core.Quality.Checks;
using Spool.Core.Tests.Planning;
using Spool.Media.Probing;

namespace Spool.Core.Tests.Quality.Checks;

/// <summary>Quick QC judges an output by an encoder summary only when that summary is surely this output's.</summary>
public sealed class EncoderMeasurementsTests
{
    // Sources.Video: 300 frames over 10 s. At 800 kbit/s the stream holds 1,000,000 bytes.
    private static readonly MediaInfo Written = Sources.Media(Sources.Video(640, 360) with { BitRate = 800_000 });

    private static readonly EncoderStats Own = new("0xa", 0.95, 40.5, 300, 799.4);

    [Fact]
    public void The_one_summary_with_the_outputs_frame_count_and_bitrate_is_its_own()
    {
        EncoderStats[] summaries = [new("0xb", 0.8, 30.25, 300, 400), Own, new("0xc", 0.7, 28, 150, 799.4)];

        Assert.Equal(new EncoderMeasurement(0.95, 40.5, -3.5), EncoderMeasurements.Trusted(summaries, -3.5, Written));
    }

    [Fact]
    public void Two_summaries_that_both_fit_leave_the_output_to_the_comparison()
    {
        EncoderStats[] summaries = [Own, Own with { Instance = "0xb", Ssim = 0.5, Kbps = 801 }];

        Assert.Null(EncoderMeasurements.Trusted(summaries, -3.5, Written));
    }

    [Fact]
    public void A_bitrate_off_by_more_than_the_containers_slack_does_not_fit()
    {
        // 2048 bytes + 2 % of 1,000,000 is 22,048 bytes over 10 s: 17.6 kbit/s.
        EncoderStats[] summaries = [Own with { Kbps = 782.3 }, new("0xb", 0.8, 30.25, 150, 400)];

        Assert.Null(EncoderMeasurements.Trusted(summaries, -3.5, Written));
        Assert.NotNull(EncoderMeasurements.Trusted([Own with { Kbps = 782.5 }, new("0xb", 0.8, 30.25, 150, 400)], -3.5, Written));
    }

    [Fact]
    public void A_single_encoder_is_the_outputs_unless_its_frame_count_differs()
    {
        Assert.Equal(new EncoderMeasurement(0.95, 40.5, -3.5), EncoderMeasurements.Trusted([Own with { Kbps = null }], -3.5, Written));
        Assert.Null(EncoderMeasurements.Trusted([Own with { Frames = 299 }], -3.5, Written));
    }

    [Fact]
    public void An_output_with_audio_but_no_measured_peak_is_not_trusted()
    {
        Assert.Null(EncoderMeasurements.Trusted([Own], null, Written));
        Assert.Equal(new EncoderMeasurement(0.95, 40.5, null), EncoderMeasurements.Trusted([Own], null, Written with { AudioStreams = [] }));
    }

    [Fact]
    public void A_summary_without_ssim_or_no_summary_is_not_trusted()
    {
        Assert.Null(EncoderMeasurements.Trusted([Own with { Ssim = null }], -3.5, Written));
        Assert.Null(EncoderMeasurements.Trusted([], -3.5, Written));
    }
}
