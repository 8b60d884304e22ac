using System.Globalization;
using Spool.Media.Commands;

namespace Spool.Core.Chunking;

/// <summary>
/// The commands of a chunked output, derived from the command that would encode it whole (one input, one output):
/// each chunk encodes the same video filters and encoder over [start, end) only, video only; the join concatenates
/// the chunks (concat demuxer, video copied) and encodes the audio once from the source, as the whole command would.
/// </summary>
public static class ChunkCommands
{
    /// <summary>
    /// Whether an output can be made in chunks: its video is encoded (not copied), with no frame-rate change (an fps
    /// filter restarted per chunk would not give the whole encode's frames), no audio filters (analysis passes see the
    /// whole input) and no input besides the source (an added subtitle track).
    /// </summary>
    public static bool CanChunk(FfmpegCommand whole)
    {
        ArgumentNullException.ThrowIfNull(whole);
        return whole.Inputs.Count == 1
            && whole.Outputs.Count == 1
            && whole.Outputs[0].Video is { Codec: not "copy" }
            && whole.Graph is { } graph
            && graph.Chains.Count(chain => chain.Inputs.Any(label => label.StartsWith("0:", StringComparison.Ordinal))) == 1
            && !graph.Chains.SelectMany(chain => chain.Filters).Any(filter => filter.Name == "fps");
    }

    /// <summary>
    /// One chunk: input seeking to the chunk's start keyframe ("-ss" before "-i", accurate), "-to" its end (the next
    /// chunk's start, exclusive), the whole command's video chain and encoder, no audio or subtitles, and timestamps
    /// passed through so no frame is duplicated or dropped at either edge.
    /// </summary>
    public static FfmpegCommand Chunk(FfmpegCommand whole, ChunkSpan span, string partialPath)
    {
        ArgumentNullException.ThrowIfNull(whole);
        ArgumentNullException.ThrowIfNull(span);
        List<string> seek = ["-ss", Seconds(span.Start)];
        if (span.End is { } end)
        {
            seek.AddRange(["-to", Seconds(end)]);
        }

        var output = whole.Outputs[0];
        return whole with
        {
            Inputs = [whole.Inputs[0] with { Options = [.. seek, .. whole.Inputs[0].Options] }],
            Outputs =
            [
                new FfmpegOutput(partialPath, [output.Maps[0]], output.Video, null)
                {
                    Format = "mp4",
                    FpsMode = "passthrough",
                    Threads = output.Threads,
                    StripMetadata = true,
                },
            ],
        };
    }

    /// <summary>
    /// The join: the chunk list through the concat demuxer (input 0, video copied), the source as input 1 for the
    /// whole command's audio and subtitle streams (its "0:N" maps become "1:N"), faststart MP4 to the output's partial.
    /// </summary>
    public static FfmpegCommand Join(FfmpegCommand whole, string listPath)
    {
        ArgumentNullException.ThrowIfNull(whole);
        var output = whole.Outputs[0];
        List<string> maps = ["0:v:0", .. output.Maps.Skip(1).Select(map => map.StartsWith("0:", StringComparison.Ordinal) ? "1:" + map[2..] : map)];
        return new FfmpegCommand(
            [new FfmpegInput(listPath, ["-f", "concat", "-safe", "0"]), new FfmpegInput(whole.Inputs[0].Path)],
            null,
            [output with { Maps = maps, Video = VideoEncoding.Copy, FpsMode = null }]);
    }

    /// <summary>The concat demuxer's list: one "file" line per chunk, quoted, as file: URLs so any name stays a path.</summary>
    public static string ConcatList(IEnumerable<string> chunkFiles) =>
        string.Concat(chunkFiles.Select(file => "file '" + FfmpegCommandRenderer.FilePath(file).Replace("'", @"'\''", StringComparison.Ordinal) + "'\n"));

    public static string Seconds(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
