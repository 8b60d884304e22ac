namespace Spool.Web.Tests;

/// <summary>Loopback by default: any other address needs a token (DESIGN.md).</summary>
public sealed class ServerOptionsTests
{
    [Theory]
    [InlineData("127.0.0.1", null)]
    [InlineData("::1", null)]
    [InlineData("localhost", null)]
    [InlineData("0.0.0.0", "t")]
    [InlineData("192.168.1.10", "t")]
    public void Loopback_or_a_token_may_start(string bind, string? token)
    {
        Assert.Null(new ServerOptions(bind, 0, token).Problem());
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("192.168.1.10")]
    public void Any_other_address_without_a_token_is_refused_with_the_reason(string bind)
    {
        var problem = new ServerOptions(bind, 8470, "").Problem();

        Assert.NotNull(problem);
        Assert.StartsWith($"refusing to bind {bind} without a token: anyone who can reach this address could submit work", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_name_is_not_an_address()
    {
        Assert.StartsWith("--bind: 'example.com' is not an IP address", new ServerOptions("example.com", 0, "t").Problem(), StringComparison.Ordinal);
    }
}
