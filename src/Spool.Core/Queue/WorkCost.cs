using Spool.Core.Presets;
using Spool.Media.Probing;

namespace Spool.Core.Queue;

/// <summary>
/// Expected work of a job, for longest-first ordering: source duration × source pixels × the preset's speed cost.
/// Only the order matters, so the units are arbitrary; an input that cannot be probed costs 0 and runs last
/// (it will most likely fail at once).
/// </summary>
public static class WorkCost
{
    public static double Estimate(MediaInfo? source, Preset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        if (source?.PrimaryVideo is not { } video || source.EffectiveDuration is not { } seconds)
        {
            return 0;
        }

        var megapixels = (double)video.Width * video.Height / 1_000_000;
        return seconds * megapixels * SpeedCost(preset.X264Preset);
    }

    // Rough x264 encode time relative to "medium", from x264's own preset table.
    public static double SpeedCost(string x264Preset) => x264Preset switch
    {
        "ultrafast" => 0.2,
        "superfast" => 0.3,
        "veryfast" => 0.4,
        "faster" => 0.6,
        "fast" => 0.8,
        "medium" => 1.0,
        "slow" => 1.8,
        "slower" => 3.5,
        "veryslow" => 7.0,
        "placebo" => 20.0,
        _ => 1.0,
    };
}
