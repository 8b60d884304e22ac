using Spool.Media.Processes;

namespace Spool.Media.Tests.Processes;

public sealed class BoundedTextTests
{
    [Fact]
    public void Text_within_the_limit_is_kept_whole()
    {
        var text = new BoundedText(10);
        text.Append("abc");
        text.Append("defghij");

        Assert.Equal("abcdefghij", text.ToString());
    }

    [Fact]
    public void Text_past_the_limit_keeps_head_and_tail_and_says_how_much_is_missing()
    {
        var text = new BoundedText(10);
        foreach (var c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        {
            text.Append([c]);
        }

        Assert.Equal("01234\n[... 26 characters omitted ...]\nVWXYZ", text.ToString());
    }

    [Fact]
    public void One_large_chunk_is_split_between_head_and_tail()
    {
        var text = new BoundedText(6);
        text.Append("abcdefghijklmnop");

        Assert.Equal("abc\n[... 10 characters omitted ...]\nnop", text.ToString());
    }
}
