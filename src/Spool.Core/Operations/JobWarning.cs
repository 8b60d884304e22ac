using System.Globalization;
using Spool.Core.Validation;
using Spool.Media.Errors;

namespace Spool.Core.Operations;

/// <summary>
/// Something a user should know about a job that did not fail it (DESIGN.md "Warnings that do not fail a job").
/// <see cref="Code"/> is a wire name like the error categories; <see cref="AtSeconds"/> are source times it concerns.
/// </summary>
public sealed record JobWarning(string Code, string Message, IReadOnlyList<double> AtSeconds)
{
    public const string SourceDamagedCode = "source_damaged";

    /// <summary>The GPU encode failed and the job was encoded again on the CPU.</summary>
    public const string HardwareFallbackCode = "hardware_fallback";

    /// <summary>The batch named a hardware encoder this machine has not proved, so the job was encoded on the CPU.</summary>
    public const string HardwareUnprovenCode = "hardware_unproven";

    // The message names the first few places; the list keeps every listed one.
    private const int TimesInMessage = 5;

    /// <summary>"h264_nvenc failed (ffmpeg exited with code 1: …): encoded on the CPU with libx264".</summary>
    public static JobWarning HardwareFallback(string encoder, MediaError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new JobWarning(HardwareFallbackCode, $"{encoder} failed ({error.Message}): encoded on the CPU with libx264", []);
    }

    /// <summary>The planner's note on a named but unproven --hwaccel.</summary>
    public static JobWarning HardwareUnproven(string note) => new(HardwareUnprovenCode, note, []);

    /// <summary>The source decodes with errors: where, from a decode dated by <see cref="DecodeLog"/>.</summary>
    public static JobWarning SourceDamaged(DecodeErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var times = errors.Listed
            .Select(error => error.AtSeconds)
            .OfType<double>()
            .Select(t => Math.Round(t, 2))
            .Distinct()
            .ToList();
        var lines = errors.Listed.Count + errors.Hidden;
        var where = times.Count == 0
            ? "before the first decoded frame"
            : "at " + string.Join(", ", times.Take(TimesInMessage).Select(t => t.ToString("0.##", CultureInfo.InvariantCulture) + " s"))
              + (times.Count > TimesInMessage ? ", …" : "");
        var message = string.Create(CultureInfo.InvariantCulture, $"the source decodes with errors ({lines} error line(s)) {where}; the damaged parts may show as glitches in the output");
        return new JobWarning(SourceDamagedCode, message, times);
    }
}
