using Spool.Core.Queue;

namespace Spool.Core.Tests.Queue;

public sealed class BatchStatusTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static readonly BatchRecord Batch = new("batch_1", BatchPriority.Normal, "/out", "{}", 2, BatchLifecycle.Active, Created, null);

    private static JobRecord Job(JobState state, int attempts = 0) =>
        new(1, "batch_1", 0, "/in/a.mp4", "a", "web_optimized", state, attempts, 1, 0, null, null, false, null, null, null, null, 0);

    [Theory]
    [InlineData(new[] { JobState.Queued, JobState.Queued }, "queued")]
    [InlineData(new[] { JobState.Running, JobState.Queued }, "running")]
    [InlineData(new[] { JobState.RetryWait, JobState.Succeeded }, "running")]
    [InlineData(new[] { JobState.Succeeded, JobState.Queued }, "interrupted")]
    [InlineData(new[] { JobState.Succeeded, JobState.Succeeded }, "completed")]
    [InlineData(new[] { JobState.Succeeded, JobState.Failed }, "failed")]
    [InlineData(new[] { JobState.Succeeded, JobState.Cancelled }, "cancelled")]
    public void State_is_derived_from_the_jobs(JobState[] states, string expected)
    {
        var status = BatchStatus.Of(Batch, states.Select(state => Job(state)).ToList());
        Assert.Equal(expected, status.State);
    }

    [Fact]
    public void A_queued_job_that_already_ran_once_makes_the_batch_interrupted_not_queued()
    {
        Assert.Equal("interrupted", BatchStatus.Of(Batch, [Job(JobState.Queued, attempts: 1)]).State);
    }

    [Fact]
    public void Cancelled_lifecycle_shows_cancelled_once_nothing_runs()
    {
        var cancelled = Batch with { Lifecycle = BatchLifecycle.Cancelled };
        Assert.Equal("cancelled", BatchStatus.Of(cancelled, [Job(JobState.Cancelled), Job(JobState.Succeeded)]).State);
        Assert.Equal("running", BatchStatus.Of(cancelled, [Job(JobState.Running)]).State);
    }

    [Fact]
    public void Counts_cover_every_state_and_the_total()
    {
        var status = BatchStatus.Of(Batch, [Job(JobState.Succeeded), Job(JobState.Failed), Job(JobState.Failed)]);
        Assert.Equal(2, status.Counts["failed"]);
        Assert.Equal(1, status.Counts["succeeded"]);
        Assert.Equal(0, status.Counts["retry_wait"]);
        Assert.Equal(3, status.Counts["total"]);
    }
}
