using Spool.Core.Benchmarking;
using Spool.Core.Chunking;
using Spool.Core.Operations;
using Spool.Core.Presets;
using Spool.Core.Quality.Checks;
using Spool.Core.Queue;

namespace Spool.Core.Tests.Operations;

/// <summary>The one way from a request (CLI flags or the API's JSON) to a batch's settings: its defaults and its field errors.</summary>
public sealed class BatchSettingsBuilderTests
{
    private static readonly BatchRequest Empty = new() { OutputDirectory = "/srv/out" };

    private static BatchBuild Build(BatchRequest request) => BatchSettingsBuilder.Build(request, PresetCatalog.BuiltIn, 8, _ => false);

    private static IReadOnlyList<string> Fields(BatchRequest request) =>
        Assert.IsType<BatchBuild.Invalid>(Build(request)).Errors.Select(error => error.Field).ToList();

    [Fact]
    public void A_request_that_names_nothing_gets_the_documented_defaults()
    {
        var built = Assert.IsType<BatchBuild.Built>(Build(Empty));
        var settings = built.Settings;

        Assert.Equal(["auto"], settings.Presets.Select(preset => preset.Name));
        // --max-concurrent auto on 8 cores without a bench result: the rule's 4 jobs at once, 2 threads each.
        Assert.Equal((4, 2, ErrorHandling.Continue), (settings.MaxConcurrent, settings.ThreadsPerJob, settings.ErrorHandling));
        Assert.Equal(((TimeSpan?)null, TimeSpan.FromSeconds(120)), (settings.Timeout, settings.StallTimeout));
        Assert.Equal(((QcMode?)QcMode.Quick, false, false, false), (settings.Qc, settings.QcWarnOnly, settings.QcRetry, settings.ValidateThoroughly));
        Assert.Equal(BatchAdmission.Unlimited, settings.Admission);
        Assert.Equal(OperationSettings.None, settings.Operations);
        Assert.Equal((BatchPriority.Normal, 0), (built.Priority, built.RetryCount));
    }

    [Fact]
    public void Qc_bars_and_the_discard_policy_reach_the_settings_and_survive_the_stored_snapshot()
    {
        var settings = Assert.IsType<BatchBuild.Built>(Build(Empty with { MinSsim = 0.99, MaxCompressionRatio = 3, QcPolicy = "discard" })).Settings;
        var bars = new QcOverrides { MinSsim = 0.99, MaxCompressionRatio = 3 };
        Assert.Equal((bars, true, false), (settings.QcBars, settings.QcDiscard, settings.QcWarnOnly));
        var stored = BatchOptionsSnapshot.FromJson(BatchOptionsSnapshot.From(settings, 0).ToJson()).ToSettings("/srv/out", 2, 8, canToneMap: true);
        Assert.Equal((bars, true), (stored.QcBars, stored.QcDiscard));
        Assert.Equal(0.99, bars.Apply(QcThresholds.ForPreset(BuiltInPresets.All.Single(p => p.Name == "web_optimized"))).MinSsim);
    }

    [Fact]
    public void Every_built_in_preset_survives_the_stored_snapshot_unchanged()
    {
        foreach (var preset in BuiltInPresets.All)
        {
            var json = System.Text.Json.JsonSerializer.Serialize(PresetSnapshot.From(preset));
            Assert.Equal(preset, System.Text.Json.JsonSerializer.Deserialize<PresetSnapshot>(json)!.ToPreset());
        }
    }

    [Fact]
    public void Max_concurrent_auto_takes_the_machines_bench_advice_and_a_named_number_wins()
    {
        var advice = new ConcurrencyAdvice(3, "measured by spool bench on 2026-12-03");
        BatchSettings Of(BatchRequest request) => Assert.IsType<BatchBuild.Built>(BatchSettingsBuilder.Build(request, PresetCatalog.BuiltIn, 8, _ => false, advice)).Settings;

        Assert.Equal((3, 2), (Of(Empty).MaxConcurrent, Of(Empty).ThreadsPerJob));
        Assert.Equal((5, 1), (Of(Empty with { MaxConcurrent = 5 }).MaxConcurrent, Of(Empty with { MaxConcurrent = 5 }).ThreadsPerJob));
    }

    [Fact]
    public void Qc_bars_out_of_range_are_field_errors()
    {
        Assert.Equal(["min_ssim", "max_compression_ratio"], Fields(Empty with { MinSsim = 1.5, MaxCompressionRatio = -1 }));
    }

    [Fact]
    public void Strategies_become_the_batch_admission()
    {
        BatchAdmission Of(BatchRequest request) => Assert.IsType<BatchBuild.Built>(Build(request)).Settings.Admission;

        Assert.Equal(new BatchAdmission(ParallelStrategy.Sequential, 1, null, null, null), Of(Empty with { ParallelStrategy = "sequential" }));
        Assert.Equal(new BatchAdmission(ParallelStrategy.Fixed, 3, null, null, null), Of(Empty with { MaxConcurrent = 3 }));
        Assert.Equal(new BatchAdmission(ParallelStrategy.Adaptive, null, 80, 85, null), Of(Empty with { ParallelStrategy = "Adaptive" }));
        Assert.Equal(new BatchAdmission(ParallelStrategy.Smart, 4, 10, 70, 6), Of(Empty with { ParallelStrategy = "smart", MaxConcurrent = 4, CpuThreshold = 10, MemoryThreshold = 70, MaxMemoryGb = 6 }));
    }

    [Fact]
    public void Numbers_out_of_range_are_errors_of_their_fields()
    {
        var request = Empty with
        {
            TimeoutSeconds = 1e300,
            StallTimeoutSeconds = double.NaN,
            MaxConcurrent = 0,
            RetryCount = 11,
            ParallelStrategy = "adaptive",
            CpuThreshold = 250,
            MemoryThreshold = 0,
            Loudness = 3,
            Thumbnails = 101,
        };

        Assert.Equal(["retry_count", "timeout", "stall_timeout", "max_concurrent", "cpu_threshold", "memory_threshold", "loudness", "thumbnails"], Fields(request));
    }

    [Fact]
    public void Options_the_chosen_strategy_would_ignore_are_errors_not_dropped()
    {
        Assert.Equal(["cpu_threshold", "max_memory"], Fields(Empty with { CpuThreshold = 50, MaxMemoryGb = 4 }));
        Assert.Equal(["max_concurrent"], Fields(Empty with { ParallelStrategy = "sequential", MaxConcurrent = 2 }));
        Assert.Equal(["subtitles"], Fields(Empty with { Transcriber = "pocketsphinx" }));
        Assert.Equal(["whisper_model"], Fields(Empty with { Subtitles = "sidecar", Transcriber = "whisper", WhisperModel = "/models/missing.bin" }));
    }

    [Fact]
    public void Unknown_choices_a_relative_output_and_unknown_presets_are_each_reported()
    {
        var request = Empty with { OutputDirectory = "out", Presets = "nope", Export = "myspace", Qc = "maybe", Priority = "asap" };

        Assert.Equal(["output", "export", "priority", "qc"], Fields(request));
        Assert.Equal(["preset"], Fields(Empty with { Presets = "web_optimized,nope" }));
    }

    [Fact]
    public void Exports_alone_give_only_their_platform_presets()
    {
        var settings = Assert.IsType<BatchBuild.Built>(Build(Empty with { Export = "youtube, tiktok" })).Settings;

        Assert.Equal(["youtube", "tiktok"], settings.Presets.Select(preset => preset.Name));
    }

    [Fact]
    public void Chunk_is_auto_by_default_takes_off_or_seconds_and_names_its_field_when_wrong()
    {
        ChunkSetting Of(string? chunk) => Assert.IsType<BatchBuild.Built>(Build(Empty with { Chunk = chunk })).Settings.Chunk;

        Assert.Equal(ChunkSetting.Auto, Of(null));
        Assert.Equal(ChunkSetting.Off, Of("off"));
        Assert.Equal(new ChunkSetting(ChunkKind.Fixed, 6), Of("6"));
        Assert.Equal(["chunk"], Fields(Empty with { Chunk = "often" }));
        Assert.Equal(["chunk"], Fields(Empty with { Chunk = "0" }));
    }
}
