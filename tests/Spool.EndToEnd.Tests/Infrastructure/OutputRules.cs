namespace Spool.EndToEnd.Tests.Infrastructure;

/// <summary>
/// DESIGN.md's "Every video output" rules, judged from ffprobe's view of the source and the output. Each rule adds a
/// problem naming the file and the property; canvas presets are outside the geometry rule (they pad on purpose).
/// </summary>
public static class OutputRules
{
    public const double AspectTolerance = 0.02;
    public const double DurationTolerance = 0.15;

    /// <summary>Even dimensions, 8-bit 4:2:0, square pixels, no display rotation left.</summary>
    public static void Format(Problems problems, string label, StreamFacts video)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(video);
        problems.Check(video.Width % 2 == 0 && video.Height % 2 == 0, $"{label}: {video.Width}x{video.Height} is not even");
        problems.Check(video.PixelFormat == "yuv420p", $"{label}: pix_fmt is {video.PixelFormat}, not yuv420p");
        problems.Check(video.Rotation is null or 0, $"{label}: rotation {video.Rotation} is left in the output");
        problems.Check(video.Sar == 1.0, $"{label}: sample aspect {video.SampleAspectRatio} is not square");
    }

    /// <summary>Orientation and display aspect of the source (SAR and rotation applied) kept, and never upscaled.</summary>
    public static void Geometry(Problems problems, string label, StreamFacts source, StreamFacts output)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(output);
        var size = $"source displays {source.DisplayWidth:0.#}x{source.DisplayHeight:0.#}, output {output.DisplayWidth:0.#}x{output.DisplayHeight:0.#}";
        problems.Check(
            Math.Sign(source.DisplayWidth - source.DisplayHeight) == Math.Sign(output.DisplayWidth - output.DisplayHeight),
            $"{label}: orientation changed ({size})");
        problems.Check(
            Math.Abs(output.DisplayAspect / source.DisplayAspect - 1) <= AspectTolerance,
            $"{label}: display aspect {output.DisplayAspect:0.####} is not within 2 % of the source's {source.DisplayAspect:0.####} ({size})");
        problems.Check(
            output.DisplayWidth <= Math.Ceiling(source.DisplayWidth) && output.DisplayHeight <= Math.Ceiling(source.DisplayHeight),
            $"{label}: upscaled ({size})");
    }

    public static void Duration(Problems problems, string label, MediaFacts source, MediaFacts output)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(output);
        problems.Check(
            source.Duration is { } expected && output.Duration is { } actual && Math.Abs(actual - expected) <= DurationTolerance,
            $"{label}: duration {output.Duration:0.###} s is not within {DurationTolerance} s of the source's {source.Duration:0.###} s");
    }

    /// <summary>Audio exactly when the source has it; stereo, or mono from a mono source (the planner never upmixes).</summary>
    public static void Audio(Problems problems, string label, MediaFacts source, MediaFacts output)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(output);
        if (source.Audio is null)
        {
            problems.Check(output.Audio is null, $"{label}: the source has no audio but the output has an audio stream");
            return;
        }

        if (output.Audio is null)
        {
            problems.Add($"{label}: the source has {source.Audio.Channels}-channel audio but the output has none");
            return;
        }

        var expected = Math.Min(source.Audio.Channels, 2);
        problems.Check(output.Audio.Channels == expected, $"{label}: output audio has {output.Audio.Channels} channels, expected {expected} from a {source.Audio.Channels}-channel source");
    }
}
