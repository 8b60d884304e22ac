using Spool.Media.Processes;

namespace Spool.Media.Tests.Processes;

public sealed class RunLimitsTests
{
    private static readonly ProcessRequest Bare = new("ffmpeg", ["-version"]);

    [Fact]
    public void The_batch_limits_replace_a_requests_stall_limit_and_give_it_their_timeout()
    {
        var limits = new RunLimits(TimeSpan.FromSeconds(97), TimeSpan.FromSeconds(43));

        var limited = limits.Apply(Bare with { StallTimeout = TimeSpan.FromSeconds(120), ParsesProgress = true });

        Assert.Equal((TimeSpan.FromSeconds(97), TimeSpan.FromSeconds(43), true), (limited.Timeout, limited.StallTimeout, limited.ParsesProgress));
    }

    [Fact]
    public void A_tighter_time_limit_of_the_request_itself_stays()
    {
        var probe = Bare with { Timeout = TimeSpan.FromSeconds(60) };

        Assert.Equal(TimeSpan.FromSeconds(60), new RunLimits(TimeSpan.FromSeconds(97), RunLimits.DefaultStallTimeout).Apply(probe).Timeout);
        Assert.Equal(TimeSpan.FromSeconds(10), new RunLimits(TimeSpan.FromSeconds(10), RunLimits.DefaultStallTimeout).Apply(probe).Timeout);
        Assert.Equal(TimeSpan.FromSeconds(60), RunLimits.Default.Apply(probe).Timeout);
        Assert.Null(RunLimits.Default.Apply(Bare).Timeout);
    }
}
