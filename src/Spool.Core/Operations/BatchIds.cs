using System.Globalization;

namespace Spool.Core.Operations;

/// <summary>
/// Batch ids: "batch_YYYYMMDD_HHMMSS" in UTC, with "_2", "_3" when that second is already taken. Only the store can
/// tell what is taken at the moment it inserts (a check before it races with every other process), so callers pass
/// the base id and the store takes the first candidate its insert does not conflict with.
/// </summary>
public static class BatchIds
{
    public static string New(DateTimeOffset now) => "batch_" + now.UtcDateTime.ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture);

    /// <summary><paramref name="baseId"/> itself, then baseId_2, baseId_3, … without end.</summary>
    public static IEnumerable<string> Candidates(string baseId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseId);
        yield return baseId;
        for (var n = 2; ; n++)
        {
            yield return baseId + "_" + n.ToString(CultureInfo.InvariantCulture);
        }
    }
}
