using System.Text.Json;
using System.Text.Json.Serialization;
using Spool.Core.Operations;
using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Core.Quality.Checks;
using Spool.Core.Reporting;
using Spool.Media.Hardware;

namespace Spool.Core.Queue;

/// <summary>
/// Everything a worker on any machine needs to run a batch's jobs, stored with the batch as JSON: the presets in
/// full (user presets included, so the YAML file need not travel), the run options, and the batch's admission rules
/// (max_concurrent, parallel_strategy, cpu_threshold, memory_threshold, max_memory_gb), which the store's claim reads.
/// </summary>
public sealed record BatchOptionsSnapshot(
    IReadOnlyList<PresetSnapshot> Presets,
    QualityLevel Quality,
    EncodeMode? Mode,
    ErrorHandling ErrorHandling,
    double? TimeoutSeconds,
    double StallTimeoutSeconds,
    int RetryCount)
{
    /// <summary>The batch's --hwaccel; each worker plans with it against its own machine's proof.</summary>
    public HardwareChoice Hwaccel { get; init; } = HardwareChoice.Auto;

    /// <summary>Null: QC off.</summary>
    public QcMode? Qc { get; init; } = QcMode.Quick;

    public bool QcWarnOnly { get; init; }

    public bool QcRetry { get; init; }

    public bool Force { get; init; }

    public bool QcDiscard { get; init; }

    public QcOverrides? QcBars { get; init; }

    public bool ValidateThoroughly { get; init; }

    /// <summary>--chunk as given ("auto", "off", seconds): the chunks themselves are jobs, planned at submit.</summary>
    public string Chunk { get; init; } = "auto";

    public OperationSettings Operations { get; init; } = OperationSettings.None;

    /// <summary>At most this many of the batch's work items run at once, across all workers; null: the workers decide.</summary>
    public int? MaxConcurrent { get; init; }

    public ParallelStrategy ParallelStrategy { get; init; } = ParallelStrategy.Fixed;

    public double? CpuThreshold { get; init; }

    public double? MemoryThreshold { get; init; }

    public double? MaxMemoryGb { get; init; }

    [JsonIgnore]
    public BatchAdmission Admission => new(ParallelStrategy, MaxConcurrent, CpuThreshold, MemoryThreshold, MaxMemoryGb);

    public static BatchOptionsSnapshot From(BatchSettings settings, int retryCount)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(
            settings.Presets.Select(PresetSnapshot.From).ToList(),
            settings.PlanOptions.Quality,
            settings.PlanOptions.Mode,
            settings.ErrorHandling,
            settings.Timeout?.TotalSeconds,
            settings.StallTimeout.TotalSeconds,
            retryCount)
        {
            Hwaccel = settings.PlanOptions.Hardware,
            Qc = settings.Qc,
            QcWarnOnly = settings.QcWarnOnly,
            QcRetry = settings.QcRetry,
            Force = settings.Force,
            QcDiscard = settings.QcDiscard,
            QcBars = settings.QcBars,
            ValidateThoroughly = settings.ValidateThoroughly,
            Chunk = settings.Chunk.ToWire(),
            Operations = settings.Operations,
            MaxConcurrent = settings.Admission.MaxConcurrent,
            ParallelStrategy = settings.Admission.Strategy,
            CpuThreshold = settings.Admission.CpuThreshold,
            MemoryThreshold = settings.Admission.MemoryThreshold,
            MaxMemoryGb = settings.Admission.MaxMemoryGb,
        };
    }

    public string ToJson() => JsonSerializer.Serialize(this, ReportJson.Options);

    public static BatchOptionsSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<BatchOptionsSnapshot>(json, ReportJson.Options)
        ?? throw new InvalidDataException("A batch's options are empty.");

    /// <summary>The settings a worker runs this batch's jobs with, on this machine's cores, ffmpeg and proven hardware.</summary>
    public BatchSettings ToSettings(string outputDirectory, int maxConcurrent, int processorCount, bool canToneMap, HardwareSupport? hardware = null) =>
        new(
            Presets.Select(preset => preset.ToPreset()).ToList(),
            new PlanOptions { Quality = Quality, Mode = Mode, CanToneMap = canToneMap, Hardware = Hwaccel, ProvenHardware = hardware ?? HardwareSupport.None },
            outputDirectory,
            maxConcurrent,
            ErrorHandling,
            processorCount)
        {
            Timeout = TimeoutSeconds is { } timeout ? TimeSpan.FromSeconds(timeout) : null,
            StallTimeout = TimeSpan.FromSeconds(StallTimeoutSeconds),
            Qc = Qc,
            QcWarnOnly = QcWarnOnly,
            QcRetry = QcRetry,
            Force = Force,
            QcDiscard = QcDiscard,
            QcBars = QcBars ?? QcOverrides.None,
            ValidateThoroughly = ValidateThoroughly,
            Chunk = Chunking.ChunkSetting.Parse(Chunk ?? "auto") ?? Chunking.ChunkSetting.Auto,
            Operations = Operations ?? OperationSettings.None,
            Admission = Admission,
        };
}

/// <summary>A preset flattened for storage.</summary>
public sealed record PresetSnapshot(
    string Name,
    string Description,
    int Crf,
    string X264Preset,
    int? MaxBitrateKbps,
    string Size,
    int? MaxShortSide,
    int? MaxLongSide,
    int? CanvasWidth,
    int? CanvasHeight,
    int? MaxFps,
    int AudioBitrateKbps,
    string VideoCodec,
    string AudioCodec,
    bool IsSourceAdaptive,
    bool KeepsEveryTrack = false)
{
    public static PresetSnapshot From(Preset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        var (size, shortSide, longSide, width, height) = preset.Size switch
        {
            SizeRule.Bound bound => ("bound", bound.MaxShortSide, bound.MaxLongSide, (int?)null, (int?)null),
            SizeRule.Canvas canvas => ("canvas", null, null, canvas.Width, canvas.Height),
            _ => ("keep", (int?)null, (int?)null, (int?)null, (int?)null),
        };
        return new(preset.Name, preset.Description, preset.Crf, preset.X264Preset, preset.MaxBitrateKbps, size, shortSide, longSide,
            width, height, preset.MaxFps, preset.AudioBitrateKbps, preset.VideoCodec, preset.AudioCodec, preset.IsSourceAdaptive, preset.KeepsEveryTrack);
    }

    public Preset ToPreset()
    {
        SizeRule size = Size switch
        {
            "bound" => new SizeRule.Bound(MaxShortSide, MaxLongSide),
            "canvas" => new SizeRule.Canvas(CanvasWidth ?? 0, CanvasHeight ?? 0),
            _ => new SizeRule.Keep(),
        };
        return new Preset(Name, Description, Crf, X264Preset, MaxBitrateKbps, size, MaxFps, AudioBitrateKbps)
        {
            VideoCodec = VideoCodec,
            AudioCodec = AudioCodec,
            IsSourceAdaptive = IsSourceAdaptive,
            KeepsEveryTrack = KeepsEveryTrack,
        };
    }
}
