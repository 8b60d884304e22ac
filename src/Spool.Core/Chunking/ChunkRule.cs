namespace Spool.Core.Chunking;

/// <summary>
/// When an input is chunked, and how long its chunks are. Fixed (--chunk SECONDS): every input longer than twice
/// SECONDS, in chunks of about SECONDS. Auto: an input of at least <see cref="AutoMinimumSeconds"/> whose duration is
/// more than <see cref="AutoTailFactor"/> × the batch's total duration ÷ slots, i.e. it alone would outlast a slot's
/// balanced share of the batch and so hold the batch's tail on one slot. Its chunks are then its duration ÷
/// (<see cref="AutoChunksPerSlot"/> × slots) long, at least <see cref="AutoMinimumChunkSeconds"/>: each slot gets a
/// few chunks, so the chunks even out between the slots. One slot never chunks in auto (nothing to share with).
/// </summary>
public static class ChunkRule
{
    public const double AutoMinimumSeconds = 60;

    public const double AutoTailFactor = 1.2;

    public const int AutoChunksPerSlot = 3;

    public const double AutoMinimumChunkSeconds = 10;

    /// <summary>The planned chunk length for an input, or null when it is encoded whole.</summary>
    public static double? ChunkLength(ChunkSetting setting, double? inputSeconds, double batchSeconds, int slots)
    {
        ArgumentNullException.ThrowIfNull(setting);
        if (inputSeconds is not { } duration || !double.IsFinite(duration) || duration <= 0)
        {
            return null;
        }

        switch (setting.Kind)
        {
            case ChunkKind.Fixed:
                return duration > 2 * setting.Seconds ? setting.Seconds : null;
            case ChunkKind.Auto:
                var share = batchSeconds / Math.Max(1, slots);
                if (slots < 2 || duration < AutoMinimumSeconds || duration <= AutoTailFactor * share)
                {
                    return null;
                }

                return Math.Max(AutoMinimumChunkSeconds, duration / (AutoChunksPerSlot * slots));
            default:
                return null;
        }
    }
}
