using Spool.Core.Queue;
using Spool.Web.Api;
using Spool.Web.Events;
using Spool.Web.Metrics;

namespace Spool.Web.Tests;

/// <summary>The pure parts: progress and ETA, the event diff, and the Prometheus text.</summary>
public sealed class ViewTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_790_000_000);

    private static JobRecord Job(long id, JobState state, double? percent = null, DateTimeOffset? started = null) => new(
        id, "b1", (int)id, $"/in/clip{id}.mp4", $"clip{id}", "web_optimized", state, 1, 1, 1, null, null, false,
        percent is null ? null : new JobProgressRecord(percent, 30, 1.5), started, null, null, 0);

    private static JobCounts Counts(int succeeded, int running, int queued) =>
        new(new Dictionary<JobState, int> { [JobState.Succeeded] = succeeded, [JobState.Running] = running, [JobState.Queued] = queued }, succeeded + running, T0);

    [Fact]
    public void Batch_progress_counts_finished_jobs_whole_and_running_ones_by_their_progress()
    {
        var progress = BatchViews.Progress(Counts(1, 1, 2), [Job(2, JobState.Running, 50)]);

        Assert.Equal(0.375, progress);
        Assert.Equal(30.0, BatchViews.Eta("running", 0.25, T0, T0.AddSeconds(10)));
        Assert.Null(BatchViews.Eta("interrupted", 0.25, T0, T0.AddSeconds(10)));
        Assert.Equal(0, BatchViews.Progress(JobCounts.Empty, []));
    }

    [Fact]
    public void A_running_job_shows_progress_rate_and_eta_and_a_succeeded_one_shows_1()
    {
        var running = BatchViews.Job(Job(1, JobState.Running, 25, T0), T0.AddSeconds(10));
        var done = BatchViews.Job(Job(2, JobState.Succeeded, 25, T0), T0.AddSeconds(10));
        var queued = BatchViews.Job(Job(3, JobState.Queued), T0);

        Assert.Equal((0.25, 30.0, 1.5, 30.0, "clip1.mp4"), (running.Progress, running.Fps, running.Speed, running.EtaSeconds, running.InputName));
        Assert.Equal((1.0, (double?)null, (double?)null), (done.Progress, done.Fps, done.EtaSeconds));
        Assert.Null(queued.Progress);
    }

    [Fact]
    public void A_job_made_by_copying_an_identical_output_says_which_and_an_encoded_one_says_null()
    {
        var result = new JobResultRecord("/out/clip2/video/clip2_instagram.mp4", null, null, null, null, 1000, 400, 2, true) { CopiedFrom = "social_media" };
        var copied = BatchViews.Job(Job(2, JobState.Succeeded, 100, T0) with { Result = result }, T0);
        var encoded = BatchViews.Job(Job(1, JobState.Succeeded, 100, T0) with { Result = result with { CopiedFrom = null } }, T0);

        var json = System.Text.Json.JsonSerializer.SerializeToElement(copied, ApiJson.Options);
        Assert.Equal("social_media", json.GetProperty("copied_from").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, System.Text.Json.JsonSerializer.SerializeToElement(encoded, ApiJson.Options).GetProperty("copied_from").ValueKind);
    }

    [Fact]
    public void The_diff_reports_new_moved_and_ended_jobs_and_changed_batches_only()
    {
        var batch = new BatchSeen("running", new Dictionary<string, int> { ["running"] = 2, ["total"] = 3 }, 0.1);
        var before = new StoreSnapshot(new Dictionary<string, BatchSeen> { ["b1"] = batch },
            new Dictionary<long, JobRecord> { [1] = Job(1, JobState.Running, 10), [2] = Job(2, JobState.Running, 20) });
        var after = new StoreSnapshot(new Dictionary<string, BatchSeen> { ["b1"] = batch with { Progress = 0.5 } },
            new Dictionary<long, JobRecord> { [2] = Job(2, JobState.Running, 20), [3] = Job(3, JobState.Running, 0) });
        var moved = after with { Batches = new Dictionary<string, BatchSeen> { ["b1"] = batch with { Counts = new Dictionary<string, int> { ["running"] = 1, ["total"] = 3 } } } };

        var events = StoreSnapshot.Diff(before, after, [Job(1, JobState.Succeeded)], T0);

        Assert.Equal(["job", "job"], events.Select(item => item.Name));
        Assert.Equal(["batch"], StoreSnapshot.Diff(after, moved, [], T0).Select(item => item.Name));
        Assert.Empty(StoreSnapshot.Diff(after, after, [], T0));
    }

    [Fact]
    public void Prometheus_text_has_each_family_typed_and_the_histogram_cumulative()
    {
        var finished = new[]
        {
            new FinishedJob(JobState.Succeeded, T0, T0.AddSeconds(3), 1000, 400),
            new FinishedJob(JobState.Failed, T0, T0.AddSeconds(90), 2000, null),
            new FinishedJob(JobState.Cancelled, null, T0, null, null),
        };
        var text = PrometheusText.Render(new MetricsSnapshot(
            new Dictionary<string, int> { ["queued"] = 2, ["succeeded"] = 1 }, new Dictionary<string, int> { ["running"] = 1 }, finished, 2, 0.5));

        Assert.Contains("# TYPE spool_jobs gauge\nspool_jobs{state=\"queued\"} 2\nspool_jobs{state=\"succeeded\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("spool_job_duration_seconds_bucket{le=\"1\"} 0\nspool_job_duration_seconds_bucket{le=\"5\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("spool_job_duration_seconds_bucket{le=\"120\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("spool_job_duration_seconds_bucket{le=\"+Inf\"} 2\nspool_job_duration_seconds_sum 93\nspool_job_duration_seconds_count 2\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE spool_bytes_in_total counter\nspool_bytes_in_total 3000\n", text, StringComparison.Ordinal);
        Assert.Contains("spool_bytes_out_total 400\n", text, StringComparison.Ordinal);
        Assert.Contains("spool_worker_utilization 0.5\n", text, StringComparison.Ordinal);
    }
}
