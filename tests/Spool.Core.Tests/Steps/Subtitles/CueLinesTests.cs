using Spool.Core.Steps.Subtitles;

namespace Spool.Core.Tests.Steps.Subtitles;

public sealed class CueLinesTests
{
    [Theory]
    [InlineData("Short line", "Short line")]
    [InlineData("  spaces   inside  ", "spaces inside")]
    [InlineData("The quick brown fox jumps over the lazy dog again and again", "The quick brown fox jumps over\nthe lazy dog again and again")]
    [InlineData("abcdefghij abcdefghij x abcdefghij abcdefghij", "abcdefghij abcdefghij\nx abcdefghij abcdefghij")]
    public void Text_is_laid_out_in_at_most_two_balanced_lines(string text, string expected)
    {
        Assert.Equal(expected, CueLines.Layout(text));
    }

    [Fact]
    public void Exactly_42_characters_stay_on_one_line()
    {
        var text = new string('a', 20) + " " + new string('b', 21);

        Assert.Equal(text, CueLines.Layout(text));
    }

    [Fact]
    public void Text_that_needs_three_lines_does_not_fit()
    {
        Assert.Null(CueLines.Layout(string.Join(' ', Enumerable.Repeat("subtitle", 10))));
    }
}
