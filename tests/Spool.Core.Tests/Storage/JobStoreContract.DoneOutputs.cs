using Spool.Core.Queue;

namespace Spool.Core.Tests.Storage;

/// <summary>The record of outputs made, which lets a later run of any batch skip a job as up to date (issue 12, item 4).</summary>
public abstract partial class JobStoreContract
{
    private static DoneOutput Done(string preset = "web_optimized", string planHash = "hash-1", long outputBytes = 5_000) => new(
        "/in/clip0.mp4",
        preset,
        $"/out/clip0/video/clip0_{preset}.mp4",
        planHash,
        new FileStamp(1_000_000, 638_000_000_000_000_000, "fingerprint-0"),
        new FileStamp(outputBytes, 638_000_000_100_000_000, null));

    [Fact]
    public async Task A_recorded_output_is_found_by_input_preset_and_output_path_from_another_client()
    {
        var store = await OpenStoreAsync();
        await store.RecordDoneOutputAsync(Done(), Ct);

        var other = await ClientAsync();
        var found = await other.FindDoneOutputAsync("/in/clip0.mp4", "web_optimized", "/out/clip0/video/clip0_web_optimized.mp4", Ct);

        Assert.Equal(Done(), found);
        Assert.Null(await other.FindDoneOutputAsync("/in/clip0.mp4", "mobile_optimized", "/out/clip0/video/clip0_web_optimized.mp4", Ct));
        Assert.Null(await other.FindDoneOutputAsync("/in/clip0.mp4", "web_optimized", "/elsewhere/clip0/video/clip0_web_optimized.mp4", Ct));
        Assert.Null(await other.FindDoneOutputAsync("/in/clip1.mp4", "web_optimized", "/out/clip0/video/clip0_web_optimized.mp4", Ct));
    }

    [Fact]
    public async Task Recording_the_same_output_again_replaces_its_record()
    {
        var store = await OpenStoreAsync();
        await store.RecordDoneOutputAsync(Done(), Ct);
        await store.RecordDoneOutputAsync(Done(preset: "mobile_optimized"), Ct);

        await store.RecordDoneOutputAsync(Done(planHash: "hash-2", outputBytes: 7_000), Ct);

        Assert.Equal(Done(planHash: "hash-2", outputBytes: 7_000), await store.FindDoneOutputAsync("/in/clip0.mp4", "web_optimized", "/out/clip0/video/clip0_web_optimized.mp4", Ct));
        Assert.Equal(Done(preset: "mobile_optimized"), await store.FindDoneOutputAsync("/in/clip0.mp4", "mobile_optimized", "/out/clip0/video/clip0_mobile_optimized.mp4", Ct));
    }

    [Fact]
    public async Task A_job_completes_as_skipped_with_its_method_and_reason()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0)), Ct);
        var job = (await ClaimAsync(store, WorkerA, Lease)).Jobs[0];
        var skipped = Succeeded("/out/clip0/video/clip0_web_optimized.mp4") with { CpuSeconds = null, Method = "copy", Reason = "up to date" };

        Assert.True(await store.CompleteAsync(job.JobId, job.LeaseToken, new JobCompletion(JobState.Skipped, skipped, Attempt(1, "skipped")), Ct));

        var stored = await JobAsync(store, "b1", job.JobId);
        Assert.Equal((JobState.Skipped, "copy", "up to date"), (stored.State, stored.Result?.Method, stored.Result?.Reason));
        Assert.Equal(skipped, stored.Result);
        Assert.Equal(1, (await store.CountJobsAsync(["b1"], Ct))["b1"][JobState.Skipped]);
        Assert.True(await store.TryFinishBatchAsync("b1", Ct));
    }
}
