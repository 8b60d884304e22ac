using Spool.Core.Steps.Subtitles;

namespace Spool.Core.Tests.Steps.Subtitles;

public sealed class SubtitleWriterTests
{
    private static readonly Cue[] Cues =
    [
        new(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(2500), "Hello world."),
        new(TimeSpan.FromMilliseconds(3_723_004), TimeSpan.FromMilliseconds(3_725_000), "Two lines\nof text & <more>"),
    ];

    [Fact]
    public void Srt_numbers_the_cues_and_uses_commas_before_milliseconds()
    {
        Assert.Equal(
            "1\n00:00:01,000 --> 00:00:02,500\nHello world.\n\n2\n01:02:03,004 --> 01:02:05,000\nTwo lines\nof text & <more>\n\n",
            SubtitleWriter.ToSrt(Cues));
    }

    [Fact]
    public void Vtt_has_its_header_dots_before_milliseconds_and_escaped_markup()
    {
        Assert.Equal(
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nHello world.\n\n01:02:03.004 --> 01:02:05.000\nTwo lines\nof text &amp; &lt;more&gt;\n\n",
            SubtitleWriter.ToVtt(Cues));
    }

    [Fact]
    public void No_cues_give_valid_empty_files()
    {
        Assert.Equal("", SubtitleWriter.ToSrt([]));
        Assert.Equal("WEBVTT\n\n", SubtitleWriter.ToVtt([]));
    }

    [Fact]
    public void Blank_lines_inside_a_cue_are_dropped_so_the_cue_does_not_end_early()
    {
        var srt = SubtitleWriter.ToSrt([new Cue(TimeSpan.Zero, TimeSpan.FromSeconds(1), "one\n\n two \r\n")]);

        Assert.Equal("1\n00:00:00,000 --> 00:00:01,000\none\ntwo\n\n", srt);
    }

    [Theory]
    [InlineData(0, "00:00:00,000")]
    [InlineData(59_999.6, "00:01:00,000")]
    [InlineData(360_000_000, "100:00:00,000")]
    public void Times_round_to_the_millisecond_and_hours_grow_past_99(double milliseconds, string expected)
    {
        Assert.Equal(expected, SubtitleWriter.Time(TimeSpan.FromMilliseconds(milliseconds), ','));
    }

    [Fact]
    public void Written_srt_reads_back_to_the_same_cues()
    {
        var parsed = SrtParser.Parse(SubtitleWriter.ToSrt(Cues));

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal(Cues, parsed.Cues);
    }
}
