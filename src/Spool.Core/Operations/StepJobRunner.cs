using System.Globalization;
using Spool.Core.Steps;
using Spool.Media.Errors;

namespace Spool.Core.Operations;

/// <summary>
/// Runs one media step for an input as a job of its own: its progress goes to the observer under the step's name
/// (so the store shows it on the step's job), its ffmpeg runs go to the job's log, and its outcome becomes a
/// <see cref="JobResult"/> named after the step, with its timing and details for the reports.
/// </summary>
internal sealed class StepJobRunner(TimeProvider clock, IBatchObserver observer)
{
    public async Task<JobResult> RunAsync(IMediaStep step, StepContext context, string inputPath, JobLog log, CancellationToken cancellationToken)
    {
        context = context with { Progress = new FractionRelay(fraction => observer.StepProgress(inputPath, step.Name, fraction)) };
        var started = clock.GetUtcNow();
        var timer = clock.GetTimestamp();
        StepOutcome outcome;
        try
        {
            outcome = await step.RunAsync(context, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = StepOutcome.Failed(MediaError.Of(ErrorCategory.Cancelled, $"The {step.Name} step was cancelled."), []);
        }

        var seconds = Math.Round(clock.GetElapsedTime(timer).TotalSeconds, 3);
        foreach (var run in outcome.Runs)
        {
            await log.AppendRunAsync([step.Name], step.Name, run);
        }

        var details = new Dictionary<string, string>(outcome.Details, StringComparer.Ordinal)
        {
            ["files"] = outcome.Files.Count.ToString(CultureInfo.InvariantCulture),
        };
        var status = outcome.Error switch
        {
            null => JobStatus.Succeeded,
            { Category: ErrorCategory.Cancelled } => JobStatus.Cancelled,
            _ => JobStatus.Failed,
        };
        if (outcome.Error is { } error)
        {
            await log.AppendAsync([step.Name], $"# {step.Name} failed: {error.Category.ToWireName()}: {error.Message}\n");
        }

        var last = outcome.Runs.Count > 0 ? outcome.Runs[^1] : null;
        return new JobResult(inputPath, step.Name, status, outcome.Error is null && outcome.Files.Count > 0 ? outcome.Files[0] : null, 1, started, clock.GetUtcNow(), outcome.Error, null)
        {
            LogPath = log.PathFor(step.Name),
            InputBytes = FileSizes.Of(inputPath),
            OutputBytes = outcome.Error is null ? outcome.Files.Sum(file => FileSizes.Of(file) ?? 0) : null,
            SourceDurationSeconds = context.Source.EffectiveDuration,
            CommandLine = last?.CommandLine,
            ExitCode = last?.ExitCode,
            StderrTail = outcome.Error is null ? null : last?.StderrTail(),
            CpuSeconds = outcome.Runs.Any(run => run.CpuTime is not null) ? Math.Round(outcome.Runs.Sum(run => run.CpuTime?.TotalSeconds ?? 0), 3) : null,
            PeakMemoryBytes = outcome.Runs.Max(run => run.PeakMemoryBytes),
            Operations = [new OperationRecord(step.Name, seconds, details)],
        };
    }

    /// <summary>Passes a step's fraction on synchronously (not Progress&lt;T&gt;, which could report after the step ended).</summary>
    private sealed class FractionRelay(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
