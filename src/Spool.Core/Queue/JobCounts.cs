namespace Spool.Core.Queue;

/// <summary>
/// How many jobs of one batch are in each state, and how many ever started: all that a batch's status needs, so the
/// dashboard can show thousands of jobs from one grouped query instead of reading every job.
/// </summary>
public sealed record JobCounts(IReadOnlyDictionary<JobState, int> ByState, int Started, DateTimeOffset? FirstStartedAt)
{
    public static JobCounts Empty { get; } = new(new Dictionary<JobState, int>(), 0, null);

    public int Total => ByState.Values.Sum();

    public int this[JobState state] => ByState.GetValueOrDefault(state);

    /// <summary>Counts read from every job; a job started when it ever ran (a released job keeps its start time).</summary>
    public static JobCounts Of(IReadOnlyList<JobRecord> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var byState = jobs.GroupBy(job => job.State).ToDictionary(group => group.Key, group => group.Count());
        var started = jobs.Count(job => job.State.IsTerminal() || job.Attempts > 0 || job.StartedAt is not null);
        return new JobCounts(byState, started, jobs.Min(job => job.StartedAt));
    }

    /// <summary>Every state by its wire name, plus "total": the counts object of status --json and the HTTP API.</summary>
    public Dictionary<string, int> ToWire()
    {
        var counts = Enum.GetValues<JobState>().ToDictionary(state => state.ToWireName(), state => this[state]);
        counts["total"] = Total;
        return counts;
    }
}
