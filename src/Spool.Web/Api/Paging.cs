using Microsoft.AspNetCore.Http;

namespace Spool.Web.Api;

/// <summary>
/// offset and limit of a list request. Every list is paged and the limit is capped, so a store with tens of
/// thousands of jobs never sends (or reads) them all at once.
/// </summary>
internal sealed record Paging(int Offset, int Limit)
{
    public const int MaxLimit = 500;

    /// <summary>Missing or unreadable values take the defaults; negative offsets become 0; limits are kept within 1..500.</summary>
    public static Paging From(HttpRequest request, int defaultLimit)
    {
        ArgumentNullException.ThrowIfNull(request);
        var offset = int.TryParse(request.Query["offset"], out var o) ? Math.Max(0, o) : 0;
        var limit = int.TryParse(request.Query["limit"], out var l) ? Math.Clamp(l, 1, MaxLimit) : defaultLimit;
        return new Paging(offset, limit);
    }
}
