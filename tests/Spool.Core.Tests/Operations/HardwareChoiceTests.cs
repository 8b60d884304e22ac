using Spool.Core.Operations;
using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Core.Queue;
using Spool.Media.Hardware;

namespace Spool.Core.Tests.Operations;

/// <summary>--hwaccel / "hwaccel": one word from the request to the plan options, stored with the batch.</summary>
public sealed class HardwareChoiceTests
{
    private static readonly BatchRequest Empty = new() { OutputDirectory = "/srv/out" };

    private static BatchBuild Build(BatchRequest request) => BatchSettingsBuilder.Build(request, PresetCatalog.BuiltIn, 8, _ => false);

    [Theory]
    [InlineData(null, HardwareChoice.Auto)]
    [InlineData("auto", HardwareChoice.Auto)]
    [InlineData("none", HardwareChoice.None)]
    [InlineData("cuda", HardwareChoice.Cuda)]
    [InlineData("vaapi", HardwareChoice.Vaapi)]
    [InlineData("qsv", HardwareChoice.Qsv)]
    public void Each_hwaccel_word_reaches_the_plan_options(string? word, HardwareChoice expected)
    {
        var settings = Assert.IsType<BatchBuild.Built>(Build(Empty with { Hwaccel = word })).Settings;

        Assert.Equal(expected, settings.PlanOptions.Hardware);
    }

    [Fact]
    public void An_unknown_hwaccel_is_an_error_of_its_field()
    {
        var errors = Assert.IsType<BatchBuild.Invalid>(Build(Empty with { Hwaccel = "gpu" })).Errors;

        Assert.Equal([new FieldError("hwaccel", "unknown value 'gpu'; choose auto, none, cuda, vaapi, qsv.")], errors);
    }

    [Fact]
    public void The_choice_is_stored_with_the_batch_and_each_worker_adds_its_own_proof()
    {
        var settings = Assert.IsType<BatchBuild.Built>(Build(Empty with { Hwaccel = "vaapi" })).Settings;
        var proof = new HardwareSupport([new HardwareProof(HardwareBackend.Vaapi, true, "a one-frame trial encoded with h264_vaapi")]);

        var stored = BatchOptionsSnapshot.FromJson(BatchOptionsSnapshot.From(settings, 0).ToJson()).ToSettings("/srv/out", 2, 8, canToneMap: true, hardware: proof);

        Assert.Equal((HardwareChoice.Vaapi, proof), (stored.PlanOptions.Hardware, stored.PlanOptions.ProvenHardware));
    }
}
