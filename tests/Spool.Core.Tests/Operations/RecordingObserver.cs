using Spool.Core.Operations;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Operations;

/// <summary>Keeps what a batch run told its observer, in order: "start clip1.mp4", "step hls 0.5", "finish clip1.mp4 web_optimized", "warning …".</summary>
internal sealed class RecordingObserver : IBatchObserver
{
    private readonly Lock _gate = new();
    private readonly List<string> _events = [];

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public void BatchStarted(string batchId, int totalInputs, int totalJobs)
    {
    }

    public void WorkStarted(string input, IReadOnlyList<string> presets) => Add($"start {Path.GetFileName(input)}");

    public void WorkProgress(string input, FfmpegProgress progress, double? percent)
    {
    }

    public void StepProgress(string input, string step, double fraction) => Add(FormattableString.Invariant($"step {step} {fraction:0.##}"));

    public void JobFinished(JobResult job) => Add($"finish {Path.GetFileName(job.Input)} {job.Preset}");

    public void Warning(string message) => Add("warning " + message);

    /// <summary>The warnings alone, without their "warning " prefix.</summary>
    public IReadOnlyList<string> Warnings => Events.Where(e => e.StartsWith("warning ", StringComparison.Ordinal)).Select(e => e["warning ".Length..]).ToList();

    private void Add(string text)
    {
        lock (_gate)
        {
            _events.Add(text);
        }
    }
}
