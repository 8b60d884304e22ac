using System.Globalization;

namespace Spool.Core.Operations;

/// <summary>Batch ids: "batch_YYYYMMDD_HHMMSS" in UTC, with "_2", "_3" when that second is already taken.</summary>
public static class BatchIds
{
    public static string New(DateTimeOffset now, Func<string, bool> isTaken)
    {
        ArgumentNullException.ThrowIfNull(isTaken);
        var id = "batch_" + now.UtcDateTime.ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture);
        var candidate = id;
        for (var n = 2; isTaken(candidate); n++)
        {
            candidate = id + "_" + n.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
