using System.Globalization;
using Spool.Media.Processes;

namespace Spool.Core.Chunking;

/// <summary>A video stream's packets as ffprobe lists them: its keyframe times (seconds from the file's start) and how many there are.</summary>
public sealed record PacketList(IReadOnlyList<double> Keyframes, long Count);

/// <summary>
/// Reads a video stream's packets with ffprobe (no decode: demuxing only, fast even for long inputs). Keyframe times
/// are made relative to the file's start time, as ffmpeg's input "-ss" is; the packet count is the stream's frame count.
/// </summary>
public sealed class VideoPackets(IProcessRunner runner, string ffprobePath)
{
    public static IReadOnlyList<string> Arguments(string path, string stream) =>
        ["-v", "error", "-select_streams", stream, "-show_entries", "packet=pts_time,flags:format=start_time", "-of", "csv=p=1", "file:" + path];

    /// <summary>Null when ffprobe fails or lists no packet.</summary>
    public async Task<PacketList?> ReadAsync(string path, string stream, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(new ProcessRequest(ffprobePath, Arguments(path, stream)) { Timeout = TimeSpan.FromMinutes(5) }, null, cancellationToken);
        return result.Succeeded ? Parse(result.Stdout) : null;
    }

    /// <summary>"packet,2.000000,K__" lines and one "format,0.023000" line.</summary>
    public static PacketList? Parse(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var start = 0.0;
        var keyframes = new List<double>();
        long count = 0;
        foreach (var line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(',');
            if (fields[0] == "format" && fields.Length > 1 && Number(fields[1]) is { } formatStart)
            {
                start = formatStart;
            }
            else if (fields[0] == "packet")
            {
                count++;
                if (fields.Length > 2 && fields[2].Contains('K', StringComparison.Ordinal) && Number(fields[1]) is { } time)
                {
                    keyframes.Add(time);
                }
            }
        }

        return count == 0 ? null : new PacketList([.. keyframes.Select(time => Math.Round(time - start, 6)).Where(time => time >= 0).Distinct().Order()], count);
    }

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
}
