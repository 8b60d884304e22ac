using Spool.Core.Discovery;

namespace Spool.Core.Tests.Discovery;

public sealed class InputListFileTests
{
    [Fact]
    public void Blank_lines_comments_and_carriage_returns_are_dropped()
    {
        var lines = InputListFile.Parse("# inputs\r\n/a/one.mp4\r\n\r\n  two.mov  \n#three.mp4\n");
        Assert.Equal(["/a/one.mp4", "two.mov"], lines);
    }
}
