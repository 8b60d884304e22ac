using Spool.Media.Commands;

namespace Spool.Core.Planning;

/// <summary>
/// Everything to do for one input. <see cref="Fused"/> makes every encoded output in one ffmpeg run (one decode, split
/// to each output); <see cref="Separate"/> holds one command per output, in the same order, for when the fused run
/// fails. An output marked <see cref="OutputPlan.DuplicateOf"/> is never run (its command stays in Separate, unused):
/// it is copied from that output once that one is placed.
/// </summary>
public sealed record WorkPlan(
    string InputPath,
    IReadOnlyList<OutputPlan> Outputs,
    FfmpegCommand Fused,
    IReadOnlyList<FfmpegCommand> Separate)
{
    /// <summary>Things the user should know about the result (e.g. HDR left un-tone-mapped); empty when none.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Set when the video is encoded on a GPU: which encoder, and the CPU plan to run if that encode fails.</summary>
    public HardwareFallback? Hardware { get; init; }

    /// <summary>Why a hardware encoder the batch named is not used here (it is not proven on this machine); null otherwise.</summary>
    public string? HardwareNote { get; init; }

    /// <summary>The outputs ffmpeg makes, in order: every output that is not a copy of another.</summary>
    public IReadOnlyList<OutputPlan> Encoded => [.. Outputs.Where(output => output.DuplicateOf is null)];
}

/// <summary>A hardware plan's encoder ("h264_nvenc") and the same work planned for the CPU, run when the hardware encode fails.</summary>
public sealed record HardwareFallback(string Encoder, WorkPlan CpuPlan);

/// <summary>
/// One output as planned. <see cref="Width"/> and <see cref="Height"/> are the encoded frame size (for canvas presets,
/// the canvas). ffmpeg writes <see cref="PartialPath"/>; it is renamed to <see cref="FinalPath"/> once verified.
/// </summary>
public sealed record OutputPlan(
    string PresetName,
    string FinalPath,
    string PartialPath,
    int Width,
    int Height,
    bool HasAudio,
    double? ExpectedDurationSeconds)
{
    /// <summary>
    /// The preset whose output this one is identical to (the same command but for its path): it is not encoded, but
    /// copied from that output once it is placed. Null for an output that is encoded.
    /// </summary>
    public string? DuplicateOf { get; init; }

    /// <summary>How ffmpeg makes this output: encoded, or remuxed because the source already is what the preset makes.</summary>
    public OutputMethod Method { get; init; } = OutputMethod.Encode;

    /// <summary>The report's thumbnail this output's encode writes too; null when the report makes its own (see <see cref="EncodedThumbnail"/>).</summary>
    public EncodedThumbnail? Thumbnail { get; init; }
}

/// <summary>How an output is made; the report's "method" (<see cref="OutputMethods.WireName"/>).</summary>
public enum OutputMethod
{
    /// <summary>Video (and audio) encoded.</summary>
    Encode,

    /// <summary>Every stream copied from the source unchanged (-c copy): it already is what the preset makes.</summary>
    Copy,

    /// <summary>The video copied unchanged, the audio encoded (the source's audio is not what the preset makes).</summary>
    CopyVideo,
}

public static class OutputMethods
{
    public static string WireName(OutputMethod method) => method switch
    {
        OutputMethod.Copy => "copy",
        OutputMethod.CopyVideo => "copy_video",
        _ => "encode",
    };
}
