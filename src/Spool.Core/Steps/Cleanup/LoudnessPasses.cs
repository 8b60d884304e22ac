using System.Globalization;
using Spool.Media.Commands;
using Spool.Media.Probing;

namespace Spool.Core.Steps.Cleanup;

/// <summary>
/// Two-pass loudness normalisation with loudnorm (pure). The analysis pass runs the source's primary audio through
/// the same clean-up the encode will apply (downmix, denoise) and a measuring loudnorm, to "-f null". The encode then
/// runs loudnorm again with those measurements and linear=true: a single gain, no compression, when the target's
/// true peak can be met that way and the measured range is within the target's; otherwise loudnorm falls back to its
/// dynamic mode, which also lands on the target (its limiter keeps the true peak). loudnorm works at 192 kHz
/// internally, so the chain ends with aresample back to the source's rate (48 kHz at most, as the encoder wants).
/// </summary>
public static class LoudnessPasses
{
    public static IReadOnlyList<string> AnalysisArguments(string sourcePath, AudioStreamInfo audio, bool denoise, LoudnessTarget target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourcePath);
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(target);
        var measure = new Filter("loudnorm", [.. TargetArgs(target), ("print_format", "json")]);
        var chain = string.Join(',', [.. Prefilters(audio, denoise), FilterText.Render(measure)]);
        return
        [
            "-hide_banner", "-nostdin", "-progress", "pipe:1", "-nostats",
            "-i", FfmpegCommandRenderer.FilePath(sourcePath),
            "-map", "0:" + audio.Index.ToString(CultureInfo.InvariantCulture), "-vn",
            "-af", chain, "-f", "null", "-",
        ];
    }

    /// <summary>The encode's audio filters: the same clean-up as the analysis, loudnorm with the measurements, aresample.</summary>
    public static IReadOnlyList<string> EncodeFilters(AudioStreamInfo audio, bool denoise, LoudnessTarget target, LoudnessMeasurement measured)
    {
        ArgumentNullException.ThrowIfNull(audio);
        return [.. Prefilters(audio, denoise), NormalizeFilter(target, measured), "aresample=" + Invariant(OutputSampleRate(audio))];
    }

    /// <summary>"loudnorm=I=-16:TP=-1.5:LRA=11:measured_I=…:measured_TP=…:measured_LRA=…:measured_thresh=…:offset=…:linear=true:print_format=summary".</summary>
    public static string NormalizeFilter(LoudnessTarget target, LoudnessMeasurement measured)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(measured);

        // Clamped to the ranges loudnorm accepts, so an odd measurement can never make the encode's graph invalid.
        return Normalize(
            target,
            Invariant(Math.Clamp(measured.InputIntegrated, -99, 0)),
            Invariant(Math.Clamp(measured.InputTruePeak, -99, 99)),
            Invariant(Math.Clamp(measured.InputRange, 0, 99)),
            Invariant(Math.Clamp(measured.InputThreshold, -99, 0)),
            Invariant(Math.Clamp(measured.TargetOffset, -99, 99)));
    }

    /// <summary>For a dry run: the encode's audio filters with a placeholder where pass 1's measurements go.</summary>
    public static IReadOnlyList<string> PlannedEncodeFilters(AudioStreamInfo audio, bool denoise, LoudnessTarget target)
    {
        ArgumentNullException.ThrowIfNull(audio);
        const string Measured = "<from pass 1>";
        return [.. Prefilters(audio, denoise), Normalize(target, Measured, Measured, Measured, Measured, Measured), "aresample=" + Invariant(OutputSampleRate(audio))];
    }

    private static string Normalize(LoudnessTarget target, string integrated, string truePeak, string range, string threshold, string offset) =>
        FilterText.Render(new Filter(
            "loudnorm",
            [
                .. TargetArgs(target),
                ("measured_I", integrated),
                ("measured_TP", truePeak),
                ("measured_LRA", range),
                ("measured_thresh", threshold),
                ("offset", offset),
                ("linear", "true"),
                ("print_format", "summary"),
            ]));

    /// <summary>
    /// Whether the encode's loudnorm will apply one linear gain, by ffmpeg 5.1's own rule: the measured peak raised by
    /// the gain stays within the target's true peak, the measured range within the target's, and the range is not 0
    /// (a steady tone). Otherwise it normalises dynamically.
    /// </summary>
    public static bool IsLinear(LoudnessTarget target, LoudnessMeasurement measured)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(measured);
        var gain = target.IntegratedLufs - measured.InputIntegrated;
        return measured.InputRange != 0
            && measured.InputTruePeak + gain <= target.TruePeakDb
            && measured.InputRange <= target.LoudnessRange;
    }

    /// <summary>The rate after loudnorm's 192 kHz: the source's, or 48 kHz when it is higher or unknown.</summary>
    public static int OutputSampleRate(AudioStreamInfo audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        return audio.SampleRate is > 0 and <= 48_000 ? audio.SampleRate : 48_000;
    }

    /// <summary>What the job's metadata records: the target, the measurements and the mode the encode will use.</summary>
    public static IReadOnlyDictionary<string, string> Details(LoudnessTarget target, LoudnessMeasurement measured)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(measured);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["target_i"] = Invariant(target.IntegratedLufs),
            ["target_tp"] = Invariant(target.TruePeakDb),
            ["target_lra"] = Invariant(target.LoudnessRange),
            ["input_i"] = Invariant(measured.InputIntegrated),
            ["input_tp"] = Invariant(measured.InputTruePeak),
            ["input_lra"] = Invariant(measured.InputRange),
            ["input_thresh"] = Invariant(measured.InputThreshold),
            ["target_offset"] = Invariant(measured.TargetOffset),
            ["normalization_type"] = IsLinear(target, measured) ? "linear" : "dynamic",
        };
    }

    private static List<string> Prefilters(AudioStreamInfo audio, bool denoise)
    {
        var filters = new List<string>();
        if (AudioCleanup.Downmix(audio) is { } downmix)
        {
            filters.Add(downmix);
        }

        if (denoise)
        {
            filters.Add(AudioCleanup.Denoise(audio.SampleRate));
        }

        return filters;
    }

    private static FilterArg[] TargetArgs(LoudnessTarget target) =>
    [
        ("I", Invariant(target.IntegratedLufs)),
        ("TP", Invariant(target.TruePeakDb)),
        ("LRA", Invariant(target.LoudnessRange)),
    ];

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
