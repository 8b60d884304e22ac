using Spool.Core.Queue;
using Spool.Media.Probing;

namespace Spool.Core.Tests.Storage;

/// <summary>The probe taken at submit, stored with its batch per input so that its jobs do not probe again (issue 12, item 2).</summary>
public abstract partial class JobStoreContract
{
    private static ProbeCapture Capture(int input) => new(
        1_000_000 + input,
        638_000_000_000_000_000 + input,
        """{"streams":[{"index":0,"codec_type":"video","width":320,"height":240}],"format":{"filename":"/in/clip""" + input + """.mp4"}}""",
        input == 0 ? "" : "[mov,mp4 @ 0x55] stream 1, offset 0x30: partial file\n[aac @ 0x56] Input buffer exhausted");

    [Fact]
    public async Task Input_probes_are_stored_with_their_batch_and_read_per_input_from_another_client()
    {
        var store = await OpenStoreAsync();
        var batch = Batch("b1", BatchPriority.Normal, Job(0), Job(0, "mobile_optimized"), Job(1), Job(2)) with
        {
            Probes = new Dictionary<int, ProbeCapture> { [0] = Capture(0), [2] = Capture(2) },
        };
        await store.CreateBatchAsync(batch, Ct);

        var other = await ClientAsync();

        Assert.Equal(Capture(0), await other.GetInputProbeAsync("b1", 0, Ct));
        Assert.Null(await other.GetInputProbeAsync("b1", 1, Ct));
        Assert.Equal(Capture(2), await other.GetInputProbeAsync("b1", 2, Ct));
        Assert.Null(await other.GetInputProbeAsync("b2", 0, Ct));
    }

    [Fact]
    public async Task Input_probes_are_stored_under_the_id_the_batch_got_when_its_base_id_was_taken()
    {
        var store = await OpenStoreAsync();
        await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0)) with { Probes = new Dictionary<int, ProbeCapture> { [0] = Capture(0) } }, Ct);

        var second = await store.CreateBatchAsync(Batch("b1", BatchPriority.Normal, Job(0)) with { Probes = new Dictionary<int, ProbeCapture> { [0] = Capture(1) } }, Ct);

        Assert.Equal("b1_2", second);
        Assert.Equal(Capture(0), await store.GetInputProbeAsync("b1", 0, Ct));
        Assert.Equal(Capture(1), await store.GetInputProbeAsync(second, 0, Ct));
    }
}
