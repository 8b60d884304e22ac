using Spool.Core.Steps.Subtitles;

namespace Spool.Core.Tests.Steps.Subtitles;

public sealed class PocketsphinxLogTests
{
    // Printed by ametadata after silencedetect and asr, on espeak-ng saying three sentences with 1.2 s breaks.
    private const string ThreeSentences = """
        frame:10   pts:14845   pts_time:0.927813
        lavfi.silence_start=0.661375
        frame:13   pts:19303   pts_time:1.20644
        lavfi.asr.text=oh well
        frame:20   pts:29705   pts_time:1.85656
        lavfi.silence_end=1.87712
        lavfi.silence_duration=1.21575
        frame:44   pts:65371   pts_time:4.08569
        lavfi.silence_start=3.81081
        frame:46   pts:68343   pts_time:4.27144
        lavfi.asr.text=so
        frame:54   pts:80232   pts_time:5.0145
        lavfi.silence_end=5.02606
        lavfi.silence_duration=1.21525
        frame:83   pts:123328  pts_time:7.708
        lavfi.silence_start=7.49131
        frame:86   pts:125056  pts_time:7.816
        lavfi.asr.text=the quick brown fox jumped so but the easy all
        """;

    [Fact]
    public void Each_utterance_spans_the_speech_heard_since_the_previous_report()
    {
        var segments = PocketsphinxLog.Parse(ThreeSentences);

        Assert.Equal(
            [(0, 661, "oh well"), (1877, 3811, "so"), (5026, 7491, "the quick brown fox jumped so but the easy all")],
            segments.Select(s => ((int)s.Start.TotalMilliseconds, (int)s.End.TotalMilliseconds, s.Text)));
    }

    [Fact]
    public void Words_are_spread_over_the_speech()
    {
        var words = PocketsphinxLog.Parse(ThreeSentences)[0].Words;

        // 661 ms of speech for six characters: "oh" gets two sixths.
        Assert.Equal([new TimedWord(TimeSpan.Zero, Ms(220), "oh"), new TimedWord(Ms(220), Ms(661), "well")], words);
    }

    [Fact]
    public void Without_pauses_an_utterance_runs_from_the_previous_report_to_its_own()
    {
        var segments = PocketsphinxLog.Parse("frame:30 pts:40000 pts_time:2.5\nlavfi.asr.text=hello there\nframe:75 pts:96000 pts_time:6\nlavfi.asr.text=bye\n");

        Assert.Equal(
            [new SpeechSegment(TimeSpan.Zero, Ms(2500), "hello there"), new SpeechSegment(Ms(2500), Ms(6000), "bye")],
            segments.Select(s => s with { Words = [] }));
    }

    [Fact]
    public void Nothing_recognised_gives_no_segments()
    {
        Assert.Empty(PocketsphinxLog.Parse("frame:10 pts:1 pts_time:0.5\nlavfi.silence_start=0.2\n"));
        Assert.Empty(PocketsphinxLog.Parse(""));
    }

    private static TimeSpan Ms(int value) => TimeSpan.FromMilliseconds(value);
}
