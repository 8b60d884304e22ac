using Spool.Core.Quality.Checks;
using Spool.Core.Tests.Planning;
using Spool.Media.Probing;

namespace Spool.Core.Tests.Quality.Checks;

/// <summary>Quick QC's integrity from the output's packet-reading probe: short video or audio streams fail, subtitles do not count.</summary>
public sealed class PacketIntegrityTests
{
    private static readonly EncoderMeasurement Measured = new(0.98, 40, -12);

    [Fact]
    public void A_mov_text_track_listing_more_samples_than_it_returns_packets_is_no_damage()
    {
        var report = Check([new StreamPackets(0, "video", 100, 100), new StreamPackets(1, "audio", 174, 174), new StreamPackets(2, "subtitle", 4, 3)]);

        Assert.Equal((true, 0.0), (report.Find("integrity")!.Passed, report.Find("integrity")!.Value));
    }

    [Fact]
    public void A_video_stream_holding_fewer_packets_than_its_index_lists_fails_integrity_and_says_which()
    {
        var report = Check([new StreamPackets(0, "video", 100, 60), new StreamPackets(1, "audio", 174, 174)]);

        var integrity = report.Find("integrity")!;
        Assert.Equal((false, 1.0), (integrity.Passed, integrity.Value));
        Assert.Equal("1 decode error(s); first: stream 0 (video) holds 60 of the 100 packets its index lists", integrity.Detail);
    }

    private static QcReport Check(IReadOnlyList<StreamPackets> streams)
    {
        var media = Sources.Media(Sources.Video(640, 360), Sources.Stereo);
        var probe = new PacketProbe(new ProbeOutcome.Probed(media), streams, "");
        return QualityChecker.CheckEncoded(media, probe, media.EffectiveDuration, Measured, QcThresholds.Default);
    }
}
