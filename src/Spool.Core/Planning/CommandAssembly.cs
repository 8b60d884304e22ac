using System.Globalization;
using Spool.Media.Commands;
using Spool.Media.Hardware;

namespace Spool.Core.Planning;

/// <summary>
/// One output ready to be put in a command: its plan, its own filters, its encoders, the source audio tracks it takes
/// (the main one first) and the source subtitle streams it carries over.
/// </summary>
internal sealed record PlannedOutput(
    OutputPlan Plan,
    IReadOnlyList<Filter> Filters,
    VideoEncoding Video,
    IReadOnlyList<PlannedAudio> Audio,
    IReadOnlyList<int> SubtitleIndexes,
    string? FpsMode)
{
    public int? AudioIndex => Audio.Count > 0 ? Audio[0].Index : null;

    /// <summary>The video is copied from the source (-c:v copy), so it passes through no filter.</summary>
    public bool CopiesVideo => Video.Codec == VideoEncoding.Copy.Codec;
}

/// <summary>A source audio track (its absolute stream index), how it is encoded, and its language tag.</summary>
internal sealed record PlannedAudio(int Index, AudioEncoding Encoding, string? Language = null);

/// <summary>
/// Builds ffmpeg commands from planned outputs: the video is taken by absolute stream index (an attached picture may be
/// v:0), run once through the common filters and the adjustments' video filters, split when there is more than one
/// output, then through each output's own. Audio is mapped straight from the source unless the adjustments filter it;
/// then it runs once through those filters and is split (asplit) to the outputs; an output's further audio tracks
/// (archival keeps them all) are mapped straight from the source. Source subtitle streams an output keeps become
/// mov_text and come first; an added subtitle track is input 1 and comes after them.
/// </summary>
internal static class CommandAssembly
{
    public static FfmpegCommand Build(
        string inputPath,
        int videoIndex,
        IReadOnlyList<Filter> common,
        IReadOnlyList<PlannedOutput> outputs,
        EncodeAdjustments adjustments,
        int? threads,
        HardwareSetup? hardware = null)
    {
        var source = "0:" + Invariant(videoIndex);
        IReadOnlyList<Filter> shared = [.. common, .. adjustments.VideoFilters.Select(Verbatim)];
        var chains = new List<FilterChain>();

        // An output that copies the video takes it straight from the source: only the encoded ones share the graph.
        var filtered = outputs.Where(output => !output.CopiesVideo).ToList();
        if (filtered.Count == 1)
        {
            chains.Add(Ending(source, [.. shared, .. filtered[0].Filters], filtered[0], 0));
        }
        else if (filtered.Count > 1)
        {
            var branches = Enumerable.Range(0, filtered.Count).Select(i => "s" + Invariant(i)).ToList();
            chains.Add(new FilterChain([source], [.. shared, Split("split", filtered.Count)], branches));
            chains.AddRange(filtered.Select((output, i) => Ending(branches[i], output.Filters, output, i)));
        }

        // Each report thumbnail keeps one frame of its output's final picture: the first at or after the middle
        // (prev_selected_t is NAN until a frame is kept). By time, not frame number: exact for variable frame rates
        // too, and a middle past the real end (a wrong duration) keeps no frame, which the report then makes itself.
        var thumbnails = filtered.Select((output, i) => (output.Plan.Thumbnail, Index: i)).Where(pair => pair.Thumbnail is not null).ToList();
        chains.AddRange(thumbnails.Select(pair => new FilterChain(
            [ThumbnailLabel(pair.Index)],
            [
                new Filter("select", FilterArg.Positional(string.Create(CultureInfo.InvariantCulture, $"gte(t,{pair.Thumbnail!.AtSeconds:0.###})*isnan(prev_selected_t)"))),
                new Filter("scale", FilterArg.Positional(Invariant(EncodedThumbnail.Width)), FilterArg.Positional("-2")),
            ],
            [JpegLabel(pair.Index)])));

        // Filtered audio goes only to the outputs that encode their main track: a stream copy cannot take filtered frames.
        var audioIndex = outputs.Select(output => output.AudioIndex).FirstOrDefault(index => index is not null);
        var encodesAudio = outputs.Where(output => output.Audio is [{ Encoding.Codec: not "copy" }, ..]).ToList();
        var filtersAudio = adjustments.AudioFilters.Count > 0 && audioIndex is not null && encodesAudio.Count > 0;
        if (filtersAudio)
        {
            IReadOnlyList<Filter> audioFilters = [.. adjustments.AudioFilters.Select(Verbatim)];
            var labels = Enumerable.Range(0, encodesAudio.Count).Select(AudioLabel).ToList();
            chains.Add(encodesAudio.Count == 1
                ? new FilterChain(["0:" + Invariant(audioIndex!.Value)], audioFilters, labels)
                : new FilterChain(["0:" + Invariant(audioIndex!.Value)], [.. audioFilters, Split("asplit", encodesAudio.Count)], labels));
        }

        List<FfmpegInput> inputs = [new FfmpegInput(inputPath)];
        SubtitleEncoding? added = null;
        if (adjustments.SubtitleTrackPath is { } track)
        {
            inputs.Add(new FfmpegInput(track));
            added = new SubtitleEncoding("mov_text") { Language = adjustments.SubtitleLanguage };
        }

        var ffmpegOutputs = outputs
            .Select(output => Output(output, output.CopiesVideo ? source : "[" + VideoLabel(filtered.IndexOf(output)) + "]", filtersAudio ? encodesAudio.IndexOf(output) : -1, added, threads))
            .ToList();
        ffmpegOutputs.AddRange(thumbnails.Select(pair => Jpeg(pair.Thumbnail!, pair.Index)));
        return new FfmpegCommand(inputs, chains.Count > 0 ? new FilterGraph(chains) : null, ffmpegOutputs)
        {
            FilterThreads = chains.Count > 0 ? threads : null,
            HardwareDevices = hardware?.Devices ?? [],
            FilterHardwareDevice = hardware?.FilterDevice,
        };
    }

    /// <summary>
    /// The encoder's threads for a job's share of the cores: one on one core (jobs side by side, each on its core, were
    /// fastest), else half as many again as cores, x264's own rule for a machine (1.5 a core keeps its frame threads
    /// fed while one waits): measured on 2 cores, a lone 720p encode took 4.85 s with 2 threads, 4.32 s with 3.
    /// </summary>
    public static int? EncoderThreads(int? cores) =>
        cores is > 1 ? (int)Math.Round(cores.Value * 1.5, MidpointRounding.AwayFromZero) : cores;

    // audioLabel: which filtered audio branch the output's main track takes; -1 when it takes the source's.
    private static FfmpegOutput Output(PlannedOutput output, string videoMap, int audioLabel, SubtitleEncoding? added, int? threads)
    {
        var maps = new List<string> { videoMap };
        for (var track = 0; track < output.Audio.Count; track++)
        {
            maps.Add(track == 0 && audioLabel >= 0 ? "[" + AudioLabel(audioLabel) + "]" : "0:" + Invariant(output.Audio[track].Index));
        }

        var subtitles = new List<SubtitleEncoding>();
        foreach (var stream in output.SubtitleIndexes)
        {
            maps.Add("0:" + Invariant(stream));
            subtitles.Add(new SubtitleEncoding("mov_text"));
        }

        if (added is not null)
        {
            maps.Add("1:s:0");
            subtitles.Add(added);
        }

        var tracks = output.Audio.Select(track => track.Encoding).ToList();
        return new FfmpegOutput(output.Plan.PartialPath, maps, output.Video, tracks.Count > 0 ? tracks[0] : null)
        {
            // The ".partial.mp4" name already ends in .mp4; the format is still named so a rename of the scheme can't change the muxer.
            Format = "mp4",
            FastStart = true,
            FpsMode = output.FpsMode,
            Threads = output.CopiesVideo ? null : EncoderThreads(threads),
            Subtitles = subtitles,
            AudioTracks = tracks.Distinct().Count() > 1 ? tracks : [],
            AudioLanguage = audioLabel >= 0 ? output.Audio[0].Language : null,
        };
    }

    // An output's last chain: its filters end in [vN], and in a split to [tN] too when its encode makes the report's thumbnail.
    private static FilterChain Ending(string input, IReadOnlyList<Filter> filters, PlannedOutput output, int index) =>
        output.Plan.Thumbnail is null
            ? new FilterChain([input], filters, [VideoLabel(index)])
            : new FilterChain([input], [.. filters, Split("split", 2)], [VideoLabel(index), ThumbnailLabel(index)]);

    // One JPEG, no audio. Passthrough: image2 would otherwise be fed at a constant rate, and the one frame kept at the
    // middle would be encoded again for every frame slot from there to the end.
    private static FfmpegOutput Jpeg(EncodedThumbnail thumbnail, int index) =>
        new(thumbnail.PartialPath, ["[" + JpegLabel(index) + "]"], new VideoEncoding("mjpeg") { Quality = EncodedThumbnail.JpegQuality }, null)
        {
            FpsMode = "passthrough",
            SingleImage = true,
            Format = "image2",
        };

    // A filter with no arguments renders as its name alone, so a complete, already escaped filter text goes into the
    // graph unchanged (escaping it again would break a subtitles burn's path).
    private static Filter Verbatim(string text) => new(text);

    private static Filter Split(string name, int count) => new(name, FilterArg.Positional(Invariant(count)));

    private static string VideoLabel(int index) => "v" + Invariant(index);

    private static string ThumbnailLabel(int index) => "t" + Invariant(index);

    private static string JpegLabel(int index) => "j" + Invariant(index);

    private static string AudioLabel(int index) => "a" + Invariant(index);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
