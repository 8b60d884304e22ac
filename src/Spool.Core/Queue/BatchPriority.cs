namespace Spool.Core.Queue;

/// <summary>Batch priority; lower values are claimed first. Stored as the integer.</summary>
public enum BatchPriority
{
    Urgent = 0,
    High = 1,
    Normal = 2,
    Low = 3,
}

/// <summary>A batch's stored lifecycle. What "status" shows (queued, running, interrupted...) is derived from its jobs.</summary>
public enum BatchLifecycle
{
    /// <summary>Has unfinished jobs, or has not been closed yet.</summary>
    Active,

    /// <summary>Every job reached a terminal state and the finishing process wrote the summary.</summary>
    Completed,

    /// <summary>The user cancelled it.</summary>
    Cancelled,
}
