namespace Spool.Web.Tests;

/// <summary>Loopback by default: any other address needs a token and at least one --root (DESIGN.md).</summary>
public sealed class ServerOptionsTests
{
    private static readonly string[] Tmp = [Path.GetTempPath()];

    [Theory]
    [InlineData("127.0.0.1", null)]
    [InlineData("::1", null)]
    [InlineData("localhost", null)]
    public void Loopback_may_start_without_a_token_or_a_root(string bind, string? token)
    {
        Assert.Null(new ServerOptions(bind, 0, token).Problem());
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.168.1.10")]
    public void Any_other_address_may_start_with_a_token_and_a_root(string bind)
    {
        Assert.Null(new ServerOptions(bind, 0, "t") { Roots = Tmp }.Problem());
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    public void Any_other_address_without_a_root_is_refused_with_the_reason(string bind)
    {
        Assert.Equal(
            $"refusing to bind {bind} without --root: anyone with the token could read and write any file this user can. Name the folders submissions may use with --root DIR, or bind 127.0.0.1.",
            new ServerOptions(bind, 8470, "t").Problem());
    }

    [Theory]
    [InlineData("relative/media", "--root 'relative/media' is not an absolute path.")]
    [InlineData("/nonexistent/spool-root", "--root '/nonexistent/spool-root' is not a folder.")]
    public void A_root_must_be_an_existing_absolute_folder(string root, string expected)
    {
        Assert.Equal(expected, new ServerOptions("127.0.0.1", 0, "t") { Roots = [root] }.Problem());
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("192.168.1.10")]
    public void Any_other_address_without_a_token_is_refused_with_the_reason(string bind)
    {
        var problem = new ServerOptions(bind, 8470, "") { Roots = Tmp }.Problem();

        Assert.NotNull(problem);
        Assert.StartsWith($"refusing to bind {bind} without a token: anyone who can reach this address could submit work", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_name_is_not_an_address()
    {
        Assert.StartsWith("--bind: 'example.com' is not an IP address", new ServerOptions("example.com", 0, "t").Problem(), StringComparison.Ordinal);
    }
}
