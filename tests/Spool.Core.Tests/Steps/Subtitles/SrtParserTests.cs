using Spool.Core.Steps.Subtitles;

namespace Spool.Core.Tests.Steps.Subtitles;

public sealed class SrtParserTests
{
    [Fact]
    public void Players_quirks_are_accepted()
    {
        // A byte-order mark, CRLF, a dot before the milliseconds, a position hint, no number on the second cue,
        // and extra blank lines between cues.
        var text = "\uFEFF1\r\n00:00:01,000 --> 00:00:02,500 X1:10 X2:20\r\nHello\r\nworld\r\n\r\n\r\n00:00:03.5 --> 00:00:04.250\r\nAgain\r\n";

        var parsed = SrtParser.Parse(text);

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal(
            [
                new Cue(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(2500), "Hello\nworld"),
                new Cue(TimeSpan.FromMilliseconds(3500), TimeSpan.FromMilliseconds(4250), "Again"),
            ],
            parsed.Cues);
    }

    [Theory]
    [InlineData("1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:03 --> 00:00:04\nbad\n", "line 6: expected a timing line")]
    [InlineData("just some text\n", "line 1: expected a timing line")]
    [InlineData("1\n00:00:05,000 --> 00:00:02,000\nbackwards\n", "line 2: the cue ends before it starts")]
    public void A_malformed_file_names_the_line(string text, string expected)
    {
        var parsed = SrtParser.Parse(text);

        Assert.False(parsed.Succeeded);
        Assert.StartsWith(expected, parsed.Error, StringComparison.Ordinal);
        Assert.Empty(parsed.Cues);
    }

    [Fact]
    public void An_empty_file_has_no_cues()
    {
        var parsed = SrtParser.Parse("\n\n");

        Assert.True(parsed.Succeeded);
        Assert.Empty(parsed.Cues);
    }
}
