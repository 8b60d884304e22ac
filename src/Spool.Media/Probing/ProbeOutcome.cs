using Spool.Media.Errors;

namespace Spool.Media.Probing;

/// <summary>What probing a file gave: media, or a classified reason it cannot be used.</summary>
public abstract record ProbeOutcome
{
    private ProbeOutcome()
    {
    }

    public sealed record Probed(MediaInfo Media) : ProbeOutcome;

    public sealed record Failed(MediaError Error) : ProbeOutcome;
}
