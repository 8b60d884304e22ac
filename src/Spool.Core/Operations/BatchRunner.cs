using Spool.Core.Discovery;
using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Operations;

/// <summary>
/// Runs a batch in the foreground: at most MaxConcurrent work items (one ffmpeg each) at once, in input order.
/// A failing input never stops the others unless the settings say stop; an unexpected exception in one
/// input is recorded as an internal error for that input and the batch goes on.
/// </summary>
public sealed class BatchRunner(IProcessRunner runner, MediaTools tools, IBatchObserver observer, TimeProvider clock)
{
    public async Task<BatchResult> RunAsync(string batchId, IReadOnlyList<DiscoveredInput> inputs, BatchSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(settings);
        var started = clock.GetUtcNow();
        observer.BatchStarted(batchId, inputs.Count, inputs.Count * settings.Presets.Count);

        var prober = new Prober(runner, tools.Ffprobe);
        var encoder = new EncodeRunner(runner, prober, tools, settings, observer, clock);
        var processor = new InputProcessor(prober, encoder, settings, observer, clock);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var gate = new SemaphoreSlim(Math.Max(1, settings.MaxConcurrent));
        var results = new IReadOnlyList<JobResult>[inputs.Count];

        async Task RunOneAsync(int index)
        {
            try
            {
                await gate.WaitAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                results[index] = NotRun(inputs[index], settings, cancellationToken.IsCancellationRequested);
                return;
            }

            try
            {
                results[index] = await RunGuardedAsync(processor, inputs[index], settings, stop.Token);
                if (settings.ErrorHandling == ErrorHandling.Stop && results[index].Any(job => job.Status == JobStatus.Failed))
                {
                    await stop.CancelAsync();
                }
            }
            finally
            {
                gate.Release();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, inputs.Count).Select(RunOneAsync));
        var jobs = results.SelectMany(list => list).ToList();
        return new BatchResult(batchId, settings.OutputDirectory, inputs.Count, jobs, started, clock.GetUtcNow(), cancellationToken.IsCancellationRequested);
    }

    private async Task<IReadOnlyList<JobResult>> RunGuardedAsync(InputProcessor processor, DiscoveredInput input, BatchSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return await processor.RunAsync(input, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = ExceptionErrors.Classify(exception);
            var now = clock.GetUtcNow();
            var jobs = settings.Presets
                .Select(preset => new JobResult(input.Path, preset.Name, JobStatus.Failed, null, 1, now, now, error, null))
                .ToList();
            jobs.ForEach(observer.JobFinished);
            return jobs;
        }
        catch (OperationCanceledException)
        {
            return NotRun(input, settings, interrupted: true);
        }
    }

    private IReadOnlyList<JobResult> NotRun(DiscoveredInput input, BatchSettings settings, bool interrupted)
    {
        var message = interrupted ? "Not run: the batch was interrupted." : "Not run: the batch stopped after a failure (--error-handling stop).";
        var error = MediaError.Of(ErrorCategory.Cancelled, message);
        var jobs = settings.Presets
            .Select(preset => new JobResult(input.Path, preset.Name, JobStatus.Cancelled, null, 0, null, null, error, null))
            .ToList();
        jobs.ForEach(observer.JobFinished);
        return jobs;
    }
}
