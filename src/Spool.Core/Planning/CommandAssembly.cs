using System.Globalization;
using Spool.Media.Commands;

namespace Spool.Core.Planning;

/// <summary>One output ready to be put in a command: its plan, its own filters and its encoders.</summary>
internal sealed record PlannedOutput(
    OutputPlan Plan,
    IReadOnlyList<Filter> Filters,
    VideoEncoding Video,
    AudioEncoding? Audio,
    int? AudioIndex,
    string? FpsMode);

/// <summary>
/// Builds ffmpeg commands from planned outputs: the video is taken by absolute stream index (an attached picture may be
/// v:0), run once through the common filters, split when there is more than one output, then through each output's own.
/// </summary>
internal static class CommandAssembly
{
    public static FfmpegCommand Build(
        string inputPath, int videoIndex, IReadOnlyList<Filter> common, IReadOnlyList<PlannedOutput> outputs, int? threads)
    {
        var source = "0:" + Invariant(videoIndex);
        var chains = new List<FilterChain>();
        if (outputs.Count == 1)
        {
            chains.Add(new FilterChain([source], [.. common, .. outputs[0].Filters], [VideoLabel(0)]));
        }
        else
        {
            var branches = Enumerable.Range(0, outputs.Count).Select(i => "s" + Invariant(i)).ToList();
            chains.Add(new FilterChain([source], [.. common, new Filter("split", FilterArg.Positional(Invariant(outputs.Count)))], branches));
            chains.AddRange(outputs.Select((output, i) => new FilterChain([branches[i]], output.Filters, [VideoLabel(i)])));
        }

        var ffmpegOutputs = outputs.Select((output, i) => Output(output, VideoLabel(i), threads)).ToList();
        return new FfmpegCommand([new FfmpegInput(inputPath)], new FilterGraph(chains), ffmpegOutputs)
        {
            FilterThreads = threads,
        };
    }

    private static FfmpegOutput Output(PlannedOutput output, string videoLabel, int? threads)
    {
        IReadOnlyList<string> maps = output.AudioIndex is { } audioIndex
            ? ["[" + videoLabel + "]", "0:" + Invariant(audioIndex)]
            : ["[" + videoLabel + "]"];
        return new FfmpegOutput(output.Plan.PartialPath, maps, output.Video, output.Audio)
        {
            // The ".partial.mp4" name already ends in .mp4; the format is still named so a rename of the scheme can't change the muxer.
            Format = "mp4",
            FastStart = true,
            FpsMode = output.FpsMode,
            Threads = threads,
        };
    }

    private static string VideoLabel(int index) => "v" + Invariant(index);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
