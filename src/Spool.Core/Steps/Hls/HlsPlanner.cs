using System.Globalization;
using Spool.Core.Planning;
using Spool.Media.Commands;
using Spool.Media.Probing;

namespace Spool.Core.Steps.Hls;

/// <summary>
/// The one ffmpeg command that packages a source as HLS (pure). The source is decoded once; ffmpeg has already turned
/// it upright (autorotate), the common filters (deinterlace, tone-map) run once, then split feeds one
/// scale,setsar=1,format=yuv420p per variant, so every rung is square-pixel 8-bit 4:2:0 at its display-aspect size.
/// Each rung is libx264 at an average bitrate with a VBV cap (maxrate 1.07x, bufsize 1.5x: the usual HLS ladder
/// settings, so BANDWIDTH in the master playlist holds). Keyframes are aligned across rungs and on segment boundaries:
/// a keyframe is forced every 6 s of timeline (works for variable frame rates too), scene-cut keyframes are off, and
/// when the frame rate is known the GOP is exactly 6 s of frames so x264 adds none between. Audio, when the source has
/// it, is AAC per rung (stereo at most). The hls muxer writes one folder per variant (&lt;folder&gt;/&lt;name&gt;/index.m3u8
/// and seg_NNN.ts) and &lt;folder&gt;/master.m3u8.
/// </summary>
public static class HlsPlanner
{
    public const int SegmentSeconds = 6;

    public const string MasterName = "master.m3u8";

    public const string PlaylistName = "index.m3u8";

    /// <summary>
    /// Whether the hls muxer can write under this folder. It treats '%' in its output names as a template ("%v",
    /// "%03d"), with no escape that works for both the playlists and the folders it creates.
    /// </summary>
    public static bool CanWriteUnder(string folder) => !folder.Contains('%', StringComparison.Ordinal);

    /// <param name="source">The probed source; it must have a video stream.</param>
    /// <param name="variants">From <see cref="HlsLadder.ForSource"/>, highest first.</param>
    /// <param name="folder">Absolute folder the package is written into (the step's "hls.partial").</param>
    /// <param name="threads">Thread budget: encoder threads and filter threads.</param>
    /// <param name="encoding">Speed and tone-mapping.</param>
    public static IReadOnlyList<string> Arguments(
        MediaInfo source, IReadOnlyList<HlsVariant> variants, string folder, int threads, HlsEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(encoding);
        var video = source.PrimaryVideo ?? throw new ArgumentException("The source has no video stream.", nameof(source));
        if (variants.Count == 0 || !Path.IsPathFullyQualified(folder) || !CanWriteUnder(folder))
        {
            throw new ArgumentException("HLS needs at least one variant and an absolute folder without '%'.");
        }

        var audio = source.PrimaryAudio;
        List<string> arguments =
        [
            "-hide_banner", "-y", "-progress", "pipe:1", "-nostats", "-filter_complex_threads", Invariant(threads),
            "-i", FfmpegCommandRenderer.FilePath(source.Path),
            "-filter_complex", Graph(video, variants, encoding.CanToneMap),
        ];
        for (var i = 0; i < variants.Count; i++)
        {
            arguments.AddRange(["-map", $"[v{Invariant(i)}]"]);
            if (audio is not null)
            {
                arguments.AddRange(["-map", "0:" + Invariant(audio.Index)]);
            }
        }

        arguments.AddRange(["-c:v", "libx264", "-preset", encoding.X264Preset, "-profile:v", "high", "-sc_threshold", "0"]);
        arguments.AddRange(["-force_key_frames", $"expr:gte(t,n_forced*{Invariant(SegmentSeconds)})"]);
        var fps = video.FrameRate is { IsValid: true } known && !video.IsVariableFrameRate ? known.Value : (double?)null;
        if (fps is { } constant)
        {
            arguments.AddRange(["-g", Invariant((int)Math.Max(1, Math.Round(constant * SegmentSeconds)))]);
        }

        for (var i = 0; i < variants.Count; i++)
        {
            var kbps = variants[i].VideoKbps;
            var n = Invariant(i);
            arguments.AddRange([
                $"-b:v:{n}", Kbps(kbps), $"-maxrate:v:{n}", Kbps((int)Math.Round(kbps * 1.07)), $"-bufsize:v:{n}", Kbps((int)Math.Round(kbps * 1.5))]);
        }

        arguments.AddRange(["-threads", Invariant(threads)]);
        if (fps is null)
        {
            // Keep the source's own timestamps: forcing a guessed constant rate would duplicate and drop frames.
            arguments.AddRange(["-fps_mode", "vfr"]);
        }

        if (audio is not null)
        {
            arguments.AddRange(Audio(audio, variants));
        }

        arguments.AddRange(Muxer(variants, folder, audio is not null));
        return arguments;
    }

    private static string Graph(VideoStreamInfo video, IReadOnlyList<HlsVariant> variants, bool canToneMap)
    {
        var source = "0:" + Invariant(video.Index);
        var common = VideoFilters.Common(video, canToneMap);
        IReadOnlyList<Filter> Scale(HlsVariant v) => VideoFilters.ForOutput(new FrameSize(v.Width, v.Height, v.Width, v.Height), fps: null);
        var chains = new List<FilterChain>();
        if (variants.Count == 1)
        {
            chains.Add(new FilterChain([source], [.. common, .. Scale(variants[0])], ["v0"]));
        }
        else
        {
            var branches = variants.Select((_, i) => "s" + Invariant(i)).ToList();
            chains.Add(new FilterChain([source], [.. common, new Filter("split", FilterArg.Positional(Invariant(variants.Count)))], branches));
            chains.AddRange(variants.Select((v, i) => new FilterChain([branches[i]], Scale(v), ["v" + Invariant(i)])));
        }

        return FfmpegCommandRenderer.RenderGraph(new FilterGraph(chains));
    }

    private static List<string> Audio(AudioStreamInfo audio, IReadOnlyList<HlsVariant> variants)
    {
        var channels = audio.Channels > 0 ? Math.Min(audio.Channels, 2) : 2;
        List<string> arguments = ["-c:a", "aac", "-ac", Invariant(channels)];
        if (audio.SampleRate > 48_000)
        {
            arguments.AddRange(["-ar", "48000"]);
        }

        for (var i = 0; i < variants.Count; i++)
        {
            arguments.AddRange([$"-b:a:{Invariant(i)}", Kbps(variants[i].AudioKbps)]);
        }

        return arguments;
    }

    // Output names go to the hls muxer as plain absolute paths, not "file:" URLs: it makes the "%v" folders with a
    // mkdir on the literal text, so "file:/out/%v" would create a folder named "file:" in the working directory.
    private static List<string> Muxer(IReadOnlyList<HlsVariant> variants, string folder, bool hasAudio)
    {
        var map = string.Join(' ', variants.Select((v, i) =>
            hasAudio ? $"v:{Invariant(i)},a:{Invariant(i)},name:{v.Name}" : $"v:{Invariant(i)},name:{v.Name}"));
        return
        [
            "-f", "hls", "-hls_time", Invariant(SegmentSeconds), "-hls_playlist_type", "vod", "-hls_segment_type", "mpegts",
            "-hls_flags", "independent_segments",
            "-hls_segment_filename", Path.Combine(folder, "%v", "seg_%03d.ts"),
            "-master_pl_name", MasterName, "-var_stream_map", map,
            Path.Combine(folder, "%v", PlaylistName),
        ];
    }

    private static string Kbps(int kbps) => Invariant(kbps) + "k";

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
