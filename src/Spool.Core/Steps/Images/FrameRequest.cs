namespace Spool.Core.Steps.Images;

/// <summary>Which frames "spool frames" takes: N spread over the video, or one every S seconds from the start.</summary>
public sealed record FrameSelection
{
    private FrameSelection(int? count, double? everySeconds) => (Count, EverySeconds) = (count, everySeconds);

    public int? Count { get; }

    public double? EverySeconds { get; }

    public static FrameSelection ByCount(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return new FrameSelection(count, null);
    }

    public static FrameSelection Every(double seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seconds);
        return double.IsFinite(seconds) ? new FrameSelection(null, seconds) : throw new ArgumentOutOfRangeException(nameof(seconds));
    }
}

public enum FrameFormat
{
    Jpg,
    Png,
}

/// <summary>What to extract from one video and where it goes.</summary>
/// <param name="Selection">Which frames.</param>
/// <param name="OutputFolder">Files go straight here as &lt;stem&gt;_0001.jpg, &lt;stem&gt;_0002.jpg ...</param>
/// <param name="Format">JPEG (quality 2) or PNG (lossless).</param>
/// <param name="MaxSize">
/// Fit within this box keeping the display aspect, never upscaled, never padded; null keeps the display size.
/// </param>
/// <param name="DecoderThreads">Threads per decoder; null leaves it to ffmpeg.</param>
public sealed record FrameRequest(
    FrameSelection Selection, string OutputFolder, FrameFormat Format = FrameFormat.Jpg, (int Width, int Height)? MaxSize = null, int? DecoderThreads = null);

/// <summary>One frame to take: its number (1-based, in the file name), its time in seconds, its final path.</summary>
public sealed record PlannedFrame(int Number, double Time, string Path);
