namespace Spool.Core.Benchmarking;

/// <summary>
/// One way to run a batch: this many jobs at once, each ffmpeg given this many cores (its filter graph a thread a core,
/// its encoder <see cref="Planning.CommandAssembly.EncoderThreads"/>).
/// </summary>
public sealed record BenchSetting(int Concurrency, int Threads)
{
    /// <summary>
    /// The settings worth trying on a machine of this many cores: 1, 2, 3, 4 jobs at once, then half as many again each
    /// step (6, 9, 13...), and one job a core; each job gets the cores shared out among them.
    /// </summary>
    public static IReadOnlyList<BenchSetting> Candidates(int cores)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cores, 1);
        var counts = new SortedSet<int> { 1, cores };
        for (var step = 2; step < cores; step = step < 4 ? step + 1 : step * 3 / 2)
        {
            counts.Add(step);
        }

        return [.. counts.Select(count => new BenchSetting(count, Math.Max(1, cores / count)))];
    }
}

/// <summary>What one setting achieved: wall seconds for the same work, and output seconds per wall second.</summary>
public sealed record BenchRow(BenchSetting Setting, double WallSeconds, double RealtimeFactor, int Failed);
