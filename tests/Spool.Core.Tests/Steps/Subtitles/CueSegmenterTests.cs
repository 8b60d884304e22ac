using Spool.Core.Steps.Subtitles;

namespace Spool.Core.Tests.Steps.Subtitles;

public sealed class CueSegmenterTests
{
    [Fact]
    public void Each_sentence_becomes_its_own_cue_with_estimated_times()
    {
        var cues = CueSegmenter.Segment([Segment(0, 4000, "Hello world. This is a test.")]);

        // 23 characters over 4 s: "Hello world." holds 11 of them, so the second sentence starts at 11/23 of 4 s.
        Assert.Equal([Cue(0, 1913, "Hello world."), Cue(1913, 4000, "This is a test.")], cues);
    }

    [Fact]
    public void A_pause_between_words_ends_a_cue()
    {
        var segment = Segment(0, 2400, "so anyway next thing") with
        {
            Words = [Word(0, 300, "so"), Word(400, 900, "anyway"), Word(1600, 2000, "next"), Word(2000, 2400, "thing")],
        };

        Assert.Equal([Cue(0, 900, "so anyway"), Cue(1600, 2400, "next thing")], CueSegmenter.Segment([segment]));
    }

    [Fact]
    public void A_run_longer_than_seven_seconds_is_split_into_the_fewest_parts_that_fit()
    {
        // 22 characters over 20 s. Two or three parts leave one over 7 s ("three four" lasts 8.2 s); five parts fit.
        var cues = CueSegmenter.Segment([Segment(0, 20000, "one two three four five six")]);

        Assert.Equal(
            [Cue(0, 5455, "one two"), Cue(5455, 10000, "three"), Cue(10000, 13636, "four"), Cue(13636, 17273, "five"), Cue(17273, 20000, "six")],
            cues);
    }

    [Fact]
    public void Text_longer_than_two_lines_is_split_by_words_into_balanced_two_line_cues()
    {
        var text = "we walked along the river for hours and hours until the sun went down behind the hills and the birds stopped singing";
        var cues = CueSegmenter.Segment([Segment(0, 6000, text)]);

        Assert.Equal(2, cues.Count);
        Assert.Equal("we walked along the river\nfor hours and hours until the", cues[0].Text);
        Assert.Equal("sun went down behind the hills\nand the birds stopped singing", cues[1].Text);
        Assert.Equal(cues[0].End, cues[1].Start);
        Assert.All(cues, cue => Assert.All(cue.Text.Split('\n'), line => Assert.InRange(line.Length, 1, 42)));
    }

    [Fact]
    public void A_short_cue_is_held_for_a_minimum_time_when_the_next_leaves_room()
    {
        var cues = CueSegmenter.Segment([Segment(1000, 1200, "Hi."), Segment(3000, 4000, "Bye."), Segment(4100, 4300, "Oh.")]);

        Assert.Equal([Cue(1000, 1800, "Hi."), Cue(3000, 4000, "Bye."), Cue(4100, 4900, "Oh.")], cues);
    }

    [Fact]
    public void A_short_cue_is_held_only_until_the_next_starts()
    {
        var cues = CueSegmenter.Segment([Segment(1000, 1200, "Hi."), Segment(1500, 2500, "Yes.")]);

        Assert.Equal([Cue(1000, 1500, "Hi."), Cue(1500, 2500, "Yes.")], cues);
    }

    [Fact]
    public void Overlapping_segments_never_give_overlapping_cues()
    {
        var cues = CueSegmenter.Segment([Segment(2000, 4000, "Second part."), Segment(0, 3000, "First part.")]);

        Assert.Equal([Cue(0, 2000, "First part."), Cue(2000, 4000, "Second part.")], cues);
    }

    [Fact]
    public void One_long_word_stays_whole_and_no_cue_lasts_over_seven_seconds()
    {
        var word = "Supercalifragilisticexpialidocious-and-more-and-more";
        var cues = CueSegmenter.Segment([Segment(0, 10000, word)]);

        Assert.Equal([Cue(0, 7000, word)], cues);
    }

    [Fact]
    public void Segments_without_words_give_no_cues()
    {
        Assert.Empty(CueSegmenter.Segment([Segment(0, 1000, "  "), Segment(1000, 2000, "")]));
    }

    [Fact]
    public void A_sentence_ending_inside_quotes_still_ends_the_cue()
    {
        var cues = CueSegmenter.Segment([Segment(0, 2000, "He said \"stop.\" Then left")]);

        Assert.Equal(["He said \"stop.\"", "Then left"], cues.Select(cue => cue.Text));
    }

    internal static SpeechSegment Segment(int startMs, int endMs, string text) => new(Ms(startMs), Ms(endMs), text);

    private static TimedWord Word(int startMs, int endMs, string text) => new(Ms(startMs), Ms(endMs), text);

    private static Cue Cue(int startMs, int endMs, string text) => new(Ms(startMs), Ms(endMs), text);

    private static TimeSpan Ms(int value) => TimeSpan.FromMilliseconds(value);
}
