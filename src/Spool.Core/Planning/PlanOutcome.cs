using Spool.Media.Errors;

namespace Spool.Core.Planning;

/// <summary>A plan, or the classified reason this input cannot be processed at all.</summary>
public abstract record PlanOutcome
{
    private PlanOutcome()
    {
    }

    public sealed record Planned(WorkPlan Plan) : PlanOutcome;

    public sealed record Rejected(MediaError Error) : PlanOutcome;
}
