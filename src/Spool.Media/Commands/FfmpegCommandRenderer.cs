using System.Globalization;
using System.Text;

namespace Spool.Media.Commands;

/// <summary>Turns a typed <see cref="FfmpegCommand"/> into the exact argument tokens ffmpeg receives.</summary>
public static class FfmpegCommandRenderer
{
    public static IReadOnlyList<string> Render(FfmpegCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var tokens = new List<string> { "-hide_banner", "-y" };
        if (command.ReportsProgress)
        {
            tokens.AddRange(["-progress", "pipe:1", "-nostats"]);
        }

        if (command.FilterThreads is { } filterThreads)
        {
            tokens.AddRange(["-filter_complex_threads", Invariant(filterThreads)]);
        }

        tokens.AddRange(DeviceTokens(command.HardwareDevices, command.FilterHardwareDevice));

        foreach (var input in command.Inputs)
        {
            tokens.AddRange(input.Options);
            tokens.AddRange(["-i", FilePath(input.Path)]);
        }

        if (command.Graph is { } graph)
        {
            tokens.AddRange(["-filter_complex", RenderGraph(graph)]);
        }

        foreach (var output in command.Outputs)
        {
            RenderOutput(output, tokens);
        }

        return tokens;
    }

    /// <summary>"-init_hw_device vaapi=va:/dev/dri/renderD128 -filter_hw_device va": global options, before any input.</summary>
    public static IReadOnlyList<string> DeviceTokens(IReadOnlyList<HardwareDevice> devices, string? filterDevice)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var tokens = new List<string>();
        foreach (var device in devices)
        {
            tokens.AddRange(["-init_hw_device", device.Type + "=" + device.Name + (device.Device is { } path ? ":" + path : "")]);
        }

        AddIf(tokens, "-filter_hw_device", filterDevice);
        return tokens;
    }

    /// <summary>Paths go to ffmpeg as "file:" URLs so names starting with "-" or holding ":" stay paths.</summary>
    public static string FilePath(string path) => "file:" + path;

    public static string RenderGraph(FilterGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return string.Join(';', graph.Chains.Select(RenderChain));
    }

    private static string RenderChain(FilterChain chain)
    {
        var text = new StringBuilder();
        foreach (var label in chain.Inputs)
        {
            text.Append('[').Append(label).Append(']');
        }

        text.AppendJoin(',', chain.Filters.Select(RenderFilter));
        foreach (var label in chain.Outputs)
        {
            text.Append('[').Append(label).Append(']');
        }

        return text.ToString();
    }

    private static string RenderFilter(Filter filter)
    {
        if (filter.Args.Count == 0)
        {
            return filter.Name;
        }

        var args = filter.Args.Select(arg => arg.Key is null
            ? EscapeValue(arg.Value)
            : arg.Key + "=" + EscapeValue(arg.Value));
        return filter.Name + "=" + string.Join(':', args);
    }

    // Two levels of escaping: the filter's own argument parser (\ ' :), then the graph parser (\ ' [ ] , ;).
    private static string EscapeValue(string value)
    {
        var level1 = Escape(value, "\\':");
        return Escape(level1, "\\'[],;");
    }

    private static string Escape(string value, string specials)
    {
        if (value.AsSpan().IndexOfAny(specials) < 0)
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (specials.Contains(c, StringComparison.Ordinal))
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        return text.ToString();
    }

    private static void RenderOutput(FfmpegOutput output, List<string> tokens)
    {
        foreach (var map in output.Maps)
        {
            tokens.AddRange(["-map", map]);
        }

        RenderVideo(output.Video, tokens);
        if (output.Threads is { } threads)
        {
            tokens.AddRange(["-threads", Invariant(threads)]);
        }

        if (output.Audio is null || output.AudioTracks.Count == 0)
        {
            RenderAudio(output.Audio, tokens, "");
        }

        for (var i = 0; output.Audio is not null && i < output.AudioTracks.Count; i++)
        {
            RenderAudio(output.AudioTracks[i], tokens, ":a:" + Invariant(i));
        }

        AddIf(tokens, "-metadata:s:a:0", output.AudioLanguage is { } language ? "language=" + language : null);
        RenderSubtitles(output.Subtitles, tokens);

        if (output.FpsMode is { } fpsMode)
        {
            tokens.AddRange(["-fps_mode", fpsMode]);
        }

        if (output.StripMetadata)
        {
            tokens.AddRange(["-map_metadata", "-1", "-map_chapters", "-1"]);
        }

        if (output.FastStart)
        {
            tokens.AddRange(["-movflags", "+faststart"]);
        }

        if (output.SingleImage)
        {
            tokens.AddRange(["-update", "1"]);
        }

        if (output.Format is { } format)
        {
            tokens.AddRange(["-f", format]);
        }

        tokens.Add(FilePath(output.Path));
    }

    private static void RenderVideo(VideoEncoding? video, List<string> tokens)
    {
        if (video is null)
        {
            tokens.Add("-vn");
            return;
        }

        tokens.AddRange(["-c:v", video.Codec]);
        if (video.Codec == "copy")
        {
            return;
        }

        AddIf(tokens, "-preset", video.Preset);
        AddIf(tokens, "-crf", video.Crf);
        tokens.AddRange(video.RateControl?.Tokens() ?? []);
        AddIf(tokens, "-compression_level", video.CompressionLevel);
        AddIf(tokens, "-profile:v", video.Profile);
        AddIf(tokens, "-pix_fmt", video.PixelFormat);
        if (video.MaxRateKbps is { } maxRate)
        {
            tokens.AddRange(["-maxrate", Invariant(maxRate) + "k", "-bufsize", Invariant(maxRate * 2) + "k"]);
        }

        AddIf(tokens, "-g", video.KeyframeInterval);
        AddIf(tokens, "-q:v", video.Quality);
        if (video.ReportsQuality && video.Codec == "libx264")
        {
            tokens.AddRange(["-x264-params", "ssim=1:psnr=1"]);
        }
    }

    // The stream specifier ("" for every audio stream, ":a:1" for the second) goes after each option's name.
    private static void RenderAudio(AudioEncoding? audio, List<string> tokens, string stream)
    {
        if (audio is null)
        {
            tokens.Add("-an");
            return;
        }

        tokens.AddRange(["-c:a" + Narrow(stream, ":a"), audio.Codec]);
        if (audio.Codec == "copy")
        {
            return;
        }

        if (audio.BitrateKbps is { } bitrate)
        {
            tokens.AddRange(["-b:a" + Narrow(stream, ":a"), Invariant(bitrate) + "k"]);
        }

        AddIf(tokens, "-ac" + stream, audio.Channels);
        AddIf(tokens, "-ar" + stream, audio.SampleRate);
    }

    // "-c:a" with ":a:1" is "-c:a:1", not "-c:a:a:1".
    private static string Narrow(string stream, string kind) => stream.StartsWith(kind, StringComparison.Ordinal) ? stream[kind.Length..] : stream;

    private static void RenderSubtitles(IReadOnlyList<SubtitleEncoding> subtitles, List<string> tokens)
    {
        if (subtitles.Count == 0)
        {
            return;
        }

        if (subtitles.Select(subtitle => subtitle.Codec).Distinct(StringComparer.Ordinal).Count() == 1)
        {
            tokens.AddRange(["-c:s", subtitles[0].Codec]);
        }
        else
        {
            for (var i = 0; i < subtitles.Count; i++)
            {
                tokens.AddRange(["-c:s:" + Invariant(i), subtitles[i].Codec]);
            }
        }

        for (var i = 0; i < subtitles.Count; i++)
        {
            AddIf(tokens, "-metadata:s:s:" + Invariant(i), subtitles[i].Language is { } language ? "language=" + language : null);
        }
    }

    private static void AddIf(List<string> tokens, string flag, string? value)
    {
        if (value is not null)
        {
            tokens.AddRange([flag, value]);
        }
    }

    private static void AddIf(List<string> tokens, string flag, int? value)
    {
        if (value is { } number)
        {
            tokens.AddRange([flag, Invariant(number)]);
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
