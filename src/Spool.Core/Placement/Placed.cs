using Spool.Media.Errors;

namespace Spool.Core.Placement;

/// <summary>How a placement ended: in place, refused because the lease is gone, or failed with a classified error.</summary>
public abstract record Placed
{
    private Placed()
    {
    }

    public static Placed Done { get; } = new InPlace();

    public static Placed Lost { get; } = new LeaseLost();

    public MediaError? Error => this switch
    {
        Failed failed => failed.Reason,
        LeaseLost => MediaError.Of(ErrorCategory.Cancelled, "The job's lease was lost to another worker before its output was placed; that worker's output stands."),
        _ => null,
    };

    public bool Succeeded => this is InPlace;

    public sealed record InPlace : Placed;

    public sealed record LeaseLost : Placed;

    public sealed record Failed(MediaError Reason) : Placed;
}
